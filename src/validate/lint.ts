import type { Finding } from './finding.js';
import { rules } from './rules/index.js';
import type { RuleContext } from './rules/rule.js';
import { checkStructure } from './struct/struct-rule.js';
import type { DocumentSet } from './types.js';
import { walk, type Visitor } from './walk.js';

/**
 * All checks over a loaded document set, with no I/O: one walk over each file
 * with every rule's visitors, then the structural check of the whole.
 */
export async function lintDocumentSet(set: DocumentSet): Promise<Finding[]> {
  const findings: Finding[] = [];
  const visitors: Visitor[] = Object.values(rules).map((rule) => {
    const ctx: RuleContext = {
      set,
      report: (r) =>
        findings.push({
          ruleId: rule.id,
          severity: r.severity ?? rule.severity,
          message: r.message,
          file: r.file,
          pointer: r.pointer,
          ...(r.suggestion ? { suggestion: r.suggestion } : {}),
        }),
    };
    return rule.create(ctx);
  });
  for (const file of set.files.values()) walk(file, visitors);
  findings.push(...(await checkStructure(set)));
  return findings;
}

import type { Severity } from '../core/diagnostic.js';
import type { RuleSetting } from './config/config.js';
import type { Finding } from './finding.js';
import type { RawError } from './schemas/validators.js';
import { rules as allRules } from './rules/index.js';
import type { Rule, RuleContext } from './rules/rule.js';
import { checkStructure, STRUCT_RULE_ID } from './struct/struct-rule.js';
import type { DocumentSet } from './types.js';
import { walkSet, type Visitor, type WalkInfo } from './walk.js';

export interface LintOptions {
  /** Rule settings from the config (rule id -> error | warn | off). */
  configured?: ReadonlyMap<string, RuleSetting>;
  /** `all` turns every rule on as an error; `recommended-strict` makes warnings errors. */
  preset?: 'recommended' | 'recommended-strict' | 'all' | 'minimal';
  /** The rule registry (tests pass a single rule). */
  rules?: Readonly<Record<string, Rule>>;
  /** The structural check of the root document as it is, already under way on another thread. */
  structErrors?: Promise<RawError[] | null>;
}

export interface LintResult {
  findings: Finding[];
  walk: WalkInfo;
}

/** The severity a rule runs at for a document, or `off`. */
export function ruleSetting(id: string, base: Severity | 'off', options: LintOptions): RuleSetting {
  const configured = options.configured?.get(id);
  if (configured) return configured;
  if (options.preset === 'all') return 'error';
  if (options.preset === 'recommended-strict' && base === 'warn') return 'error';
  return base;
}

/**
 * All checks over a loaded document set, with no I/O: one walk over the
 * description with every enabled rule's visitors, then the structural check of
 * the whole against the official schema.
 */
export async function lintDocumentSet(set: DocumentSet, options: LintOptions = {}): Promise<LintResult> {
  const findings: Finding[] = [];
  const replaced = new Set<string>();
  const visitors: Visitor[] = [];
  for (const rule of Object.values(options.rules ?? allRules)) {
    if (rule.versions && !rule.versions.includes(set.version)) continue;
    const setting = ruleSetting(rule.id, rule.severity, options);
    if (setting === 'off') continue;
    const configured = options.configured?.has(rule.id) ?? false;
    const ctx: RuleContext = {
      set,
      report: (r) => {
        if (r.replacesStruct) replaced.add(`${r.file.path}#${r.pointer}`);
        findings.push({
          ruleId: rule.id,
          severity: configured || options.preset === 'all' ? setting : strict(r.severity ?? setting, options),
          message: r.message,
          file: r.file,
          pointer: r.pointer,
          ...(r.suggestion ? { suggestion: r.suggestion } : {}),
        });
      },
    };
    visitors.push(rule.create(ctx));
  }
  const walk = walkSet(set, visitors);
  const struct = ruleSetting(STRUCT_RULE_ID, 'error', options);
  if (struct !== 'off') {
    for (const f of await checkStructure(set, walk.needsInlining || set.files.size > 1, options.structErrors)) {
      if (replaced.has(`${f.file.path}#${f.pointer}`)) continue;
      findings.push({ ...f, severity: struct });
    }
  }
  return { findings, walk };
}

function strict(severity: Severity, options: LintOptions): Severity {
  return options.preset === 'recommended-strict' && severity === 'warn' ? 'error' : severity;
}

import { loadSchemaValidator, type RawError } from '../schemas/validators.js';
import type { Finding } from '../finding.js';
import type { DocumentSet } from '../types.js';
import { condenseErrors } from './condense.js';
import { describeError } from './messages.js';
import { buildVirtualDocument, originOf } from './virtual-document.js';

export const STRUCT_RULE_ID = 'struct';

/**
 * Structure against the official OpenAPI JSON Schema of the document's version
 * (precompiled; 3.1/3.2 with schema-base, so Schema Objects are checked against
 * the OAS dialect). The multi-file description is checked as a whole; each
 * problem is reported in the file it comes from.
 */
export async function checkStructure(set: DocumentSet, inline = true, precomputed?: Promise<RawError[] | null>): Promise<Finding[]> {
  // Without refs to other files or in places OpenAPI forbids them, the root document is checked as it is
  // (possibly already, on another thread: see parallel.ts).
  const vd = inline ? buildVirtualDocument(set) : { data: set.root.data, inlined: new Map(), root: set.root };
  let raw: RawError[] | null;
  const fromWorker = !inline && precomputed ? await precomputed.catch(() => undefined) : undefined;
  if (fromWorker !== undefined) raw = fromWorker;
  else {
    const validate = await loadSchemaValidator(set.version);
    raw = validate(vd.data) ? null : (validate.errors ?? []);
  }
  if (raw === null) return [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const err of condenseErrors(raw, vd.data)) {
    const issue = describeError(err, vd.data, set.version);
    const origin = originOf(vd, issue.segments);
    const key = `${origin.file.path}\u0000${origin.pointer}\u0000${issue.message}`;
    if (seen.has(key)) continue; // a shared file inlined twice reports once
    seen.add(key);
    findings.push({
      ruleId: STRUCT_RULE_ID,
      severity: 'error',
      message: issue.message,
      file: origin.file,
      pointer: origin.pointer,
      ...(issue.suggestion ? { suggestion: issue.suggestion } : {}),
    });
  }
  return findings;
}

import { cmp } from '../core/diagnostic.js';
import { canonicalJson, isObject } from '../core/json.js';
import { pointer } from '../core/pointer.js';
import type { Rename } from './merge.js';
import { camelFromId } from '../core/naming.js';
import { operationsOf } from './schema-walk.js';
import type { BuildFinding, Obj, SourceDocument } from './types.js';

/**
 * Security schemes are named, not referenced: a Security Requirement says
 * `{bearer_auth: []}`. Merge the schemes that configured providers' documents
 * still carry into the hub's set: an identical scheme under the same name is
 * shared; a different one is renamed `<provider>_<name>` and the provider's
 * security requirements are rewritten. Every rename is reported.
 */
export function mergeSecuritySchemes(
  base: Readonly<Record<string, Obj>>,
  sources: readonly SourceDocument[],
): { schemes: Record<string, Obj>; renames: Rename[]; findings: BuildFinding[] } {
  const schemes: Record<string, Obj> = { ...base };
  const renames: Rename[] = [];
  const findings: BuildFinding[] = [];
  for (const src of sources) {
    const comps = src.doc.components;
    if (!isObject(comps) || !isObject(comps.securitySchemes)) continue;
    const map = new Map<string, string>();
    for (const name of Object.keys(comps.securitySchemes).sort(cmp)) {
      const scheme = comps.securitySchemes[name];
      if (!isObject(scheme)) continue;
      let to = name;
      if (schemes[to] !== undefined && canonicalJson(schemes[to]) !== canonicalJson(scheme)) {
        const stem = `${camelFromId(src.provider)}_${name}`;
        to = stem;
        for (let n = 2; schemes[to] !== undefined && canonicalJson(schemes[to]) !== canonicalJson(scheme); n++) to = `${stem}_${n}`;
        renames.push({ section: 'securitySchemes', from: name, to, sources: [src.sourceId] });
        findings.push({
          ruleId: 'security-scheme-renamed',
          severity: 'info',
          message: `security scheme ${name} differs from another provider's; renamed ${to}`,
          provider: src.provider,
          sourceId: src.sourceId,
          file: src.file,
          pointer: pointer('components', 'securitySchemes', name),
        });
      }
      schemes[to] = scheme;
      map.set(name, to);
    }
    delete comps.securitySchemes;
    if ([...map].every(([a, b]) => a === b)) continue;
    const rewrite = (reqs: unknown) => {
      if (!Array.isArray(reqs)) return reqs;
      return reqs.map((r) => (isObject(r) ? Object.fromEntries(Object.entries(r).map(([k, v]) => [map.get(k) ?? k, v])) : r));
    };
    if (src.doc.security !== undefined) src.doc.security = rewrite(src.doc.security);
    for (const op of operationsOf(src.doc.paths)) if (op.security !== undefined) op.security = rewrite(op.security);
  }
  return { schemes, renames, findings };
}

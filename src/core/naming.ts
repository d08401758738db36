import { cmp } from '../core/diagnostic.js';

/** The four queue operations of a FAL endpoint (provider-apis.md §1.4). */
export const FAL_ROLES = ['submit', 'status', 'result', 'cancel'] as const;
export type FalRole = (typeof FAL_ROLES)[number];

/**
 * camelCase identifier from an endpoint id: `fal-ai/flux/dev` -> `falAiFluxDev`,
 * `fal-ai/flux-pro/v1.1` -> `falAiFluxProV1_1`. Only URL-safe characters.
 */
export function camelFromId(id: string): string {
  const words = id.split(/[^A-Za-z0-9.]+/).filter(Boolean);
  const out = words
    .map((w, i) => {
      const clean = w.replace(/\./g, '_');
      return i === 0 ? clean.charAt(0).toLowerCase() + clean.slice(1) : clean.charAt(0).toUpperCase() + clean.slice(1);
    })
    .join('');
  return /^[0-9]/.test(out) ? `m${out}` : out || 'model';
}

export function pascalFromId(id: string): string {
  const c = camelFromId(id);
  return c.charAt(0).toUpperCase() + c.slice(1);
}

/**
 * A unique operationId base per endpoint id. Ids that map to the same camelCase
 * name get `_2`, `_3`… in code-point order of the ids, so the result does not
 * depend on input order. Returns the collisions so they can be reported.
 */
export function falOperationBases(ids: Iterable<string>): { bases: Map<string, string>; collisions: Array<{ base: string; ids: string[] }> } {
  const groups = new Map<string, string[]>();
  for (const id of [...new Set(ids)].sort(cmp)) {
    const base = camelFromId(id);
    const g = groups.get(base);
    if (g) g.push(id);
    else groups.set(base, [id]);
  }
  const bases = new Map<string, string>();
  const collisions: Array<{ base: string; ids: string[] }> = [];
  const used = new Set(groups.keys());
  for (const [base, group] of groups) {
    group.forEach((id, i) => {
      if (i === 0) return void bases.set(id, base);
      let n = i + 1;
      while (used.has(`${base}_${n}`)) n++;
      used.add(`${base}_${n}`);
      bases.set(id, `${base}_${n}`);
    });
    if (group.length > 1) collisions.push({ base, ids: group });
  }
  return { bases, collisions };
}

export function falOperationId(base: string, role: FalRole): string {
  return base + role.charAt(0).toUpperCase() + role.slice(1);
}

/** A folder or tag segment: Apidog splits folders on `/`, so a name must not contain one. */
export function folderSegment(name: string): string {
  return name.replace(/\//g, '-').replace(/\s+/g, ' ').trim() || 'unnamed';
}

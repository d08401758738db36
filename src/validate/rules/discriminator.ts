import type { Resolved } from '../refs/resolve.js';
import type { WalkContext } from '../walk.js';
import { isRecord } from './util.js';

/** What a schema says about its properties: declared (in `properties`) and required. */
export interface PropertyFacts {
  declared: Set<string>;
  required: Set<string>;
}

/**
 * Properties declared and required by a schema, its allOf parts, and (in common) all its
 * oneOf/anyOf branches, `$ref`s followed. A `$ref` chain that loops (or runs too long)
 * resolves to undefined: that part is skipped. Called only on schemas with a discriminator.
 */
export function propertyFacts(s: Resolved, ctx: WalkContext, seen: Set<unknown> = new Set()): PropertyFacts {
  const facts: PropertyFacts = { declared: new Set(), required: new Set() };
  const v = s.value;
  if (!isRecord(v) || seen.has(v) || seen.size > 200) return facts;
  seen.add(v);
  if (isRecord(v.properties)) for (const k of Object.keys(v.properties)) facts.declared.add(k);
  if (Array.isArray(v.required)) for (const k of v.required) if (typeof k === 'string') facts.required.add(k);
  const resolveIn = (x: unknown): Resolved | undefined => ctx.resolve(x, s.pointer, s.file);
  if (Array.isArray(v.allOf)) {
    for (const part of v.allOf) {
      const r = resolveIn(part);
      if (!r) continue;
      const f = propertyFacts(r, ctx, seen);
      f.declared.forEach((k) => facts.declared.add(k));
      f.required.forEach((k) => facts.required.add(k));
    }
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = v[key];
    if (!Array.isArray(branches) || branches.length === 0) continue;
    const all = branches.map((b) => {
      const r = resolveIn(b);
      return r ? propertyFacts(r, ctx, new Set(seen)) : { declared: new Set<string>(), required: new Set<string>() };
    });
    for (const k of all[0]!.declared) if (all.every((f) => f.declared.has(k))) facts.declared.add(k);
    for (const k of all[0]!.required) if (all.every((f) => f.required.has(k))) facts.required.add(k);
  }
  return facts;
}

/**
 * The values a schema allows for `property` when it pins them (`const`, or an `enum` of
 * strings), looking into its `allOf` parts and through `$ref`s; undefined when it does not
 * pin them (any string is allowed).
 */
export function pinnedValues(s: Resolved, property: string, ctx: WalkContext, depth = 0): string[] | undefined {
  const v = s.value;
  if (!isRecord(v) || depth > 16) return undefined;
  const resolveIn = (x: unknown): Resolved | undefined => ctx.resolve(x, s.pointer, s.file);
  if (isRecord(v.properties) && Object.hasOwn(v.properties, property)) {
    const p = resolveIn(v.properties[property]);
    const values = p && isRecord(p.value) ? valuesOf(p.value) : undefined;
    if (values) return values;
  }
  if (Array.isArray(v.allOf)) {
    for (const part of v.allOf) {
      const r = resolveIn(part);
      const values = r ? pinnedValues(r, property, ctx, depth + 1) : undefined;
      if (values) return values;
    }
  }
  return undefined;
}

function valuesOf(prop: Record<string, unknown>): string[] | undefined {
  if (typeof prop.const === 'string') return [prop.const];
  if (Array.isArray(prop.enum) && prop.enum.length > 0 && prop.enum.every((e) => typeof e === 'string')) return prop.enum as string[];
  return undefined;
}

/** The component name a `$ref` names (`#/components/schemas/Name` -> Name), for the implicit mapping. */
export function componentName(ref: string): string | undefined {
  const m = /#\/components\/schemas\/([^/]+)$/.exec(ref);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]!).replace(/~1/g, '/').replace(/~0/g, '~');
  } catch {
    return m[1];
  }
}

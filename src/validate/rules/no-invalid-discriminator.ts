import type { Resolved } from '../refs/resolve.js';
import { resolveRef } from '../refs/resolve.js';
import type { WalkContext } from '../walk.js';
import type { Rule } from './rule.js';
import { at, isRecord } from './util.js';

/**
 * A discriminator works only if its property exists and every mapping target
 * does:
 * - each `mapping` value is a schema name in `components.schemas` or a
 *   reference that resolves (error);
 * - the `propertyName` property is declared and required by the schema (with its
 *   `allOf` parts, or by every `oneOf`/`anyOf` branch): OpenAPI says it SHOULD be
 *   required, as the behaviour when it is absent is undefined (warning).
 * A Discriminator without `propertyName` is a structural error (`struct`).
 */
export const noInvalidDiscriminator: Rule = {
  id: 'no-invalid-discriminator',
  severity: 'error',
  description: 'Discriminator mapping targets resolve, and the `propertyName` property is declared and required.',
  versions: ['3.0', '3.1', '3.2'],
  create: ({ set, report }) => {
    const root = set.root.data as Record<string, unknown>;
    const schemas = isRecord(root.components) && isRecord(root.components.schemas) ? root.components.schemas : {};
    return {
      Schema(schema, ctx) {
        const d = schema.discriminator;
        if (!isRecord(d)) return;
        if (isRecord(d.mapping)) {
          for (const [value, target] of Object.entries(d.mapping)) {
            if (typeof target !== 'string') continue;
            if (/^[a-zA-Z0-9._-]+$/.test(target) && target in schemas) continue;
            const r = /^[a-zA-Z0-9._-]+$/.test(target) && !/\.(ya?ml|json)$/.test(target) ? undefined : resolveRef(set, ctx.file, target);
            if (r?.ok) continue;
            report({
              file: ctx.file,
              pointer: at(ctx, 'discriminator', 'mapping', value),
              message: `discriminator mapping \`${value}\` -> \`${target}\` does not resolve: ${r && !r.ok ? r.reason : `there is no schema \`${target}\` in components.schemas`}`,
            });
          }
        }
        const name = d.propertyName;
        if (typeof name !== 'string') return;
        const facts = gather({ value: schema, file: ctx.file, pointer: at(ctx) }, ctx, new Set());
        if (!facts.declared.has(name)) {
          report({
            file: ctx.file,
            pointer: at(ctx, 'discriminator', 'propertyName'),
            severity: 'warn',
            message: `the discriminator property \`${name}\` is not declared in \`properties\` of this schema (or of its allOf parts or every oneOf/anyOf branch)`,
          });
        } else if (!facts.required.has(name)) {
          report({
            file: ctx.file,
            pointer: at(ctx, 'discriminator', 'propertyName'),
            severity: 'warn',
            message: `the discriminator property \`${name}\` is not \`required\`: when a payload omits it, the schema to use is undefined`,
            suggestion: `Add \`${name}\` to \`required\`.`,
          });
        }
      },
    };
  },
};

interface Facts {
  declared: Set<string>;
  required: Set<string>;
}

/** Properties declared and required by a schema, its allOf parts, and (in common) all its oneOf/anyOf branches. */
function gather(s: Resolved, ctx: WalkContext, seen: Set<unknown>): Facts {
  const facts: Facts = { declared: new Set(), required: new Set() };
  const v = s.value;
  if (!isRecord(v) || seen.has(v) || seen.size > 200) return facts;
  seen.add(v);
  if (isRecord(v.properties)) for (const k of Object.keys(v.properties)) facts.declared.add(k);
  if (Array.isArray(v.required)) for (const k of v.required) if (typeof k === 'string') facts.required.add(k);
  // A `$ref` chain that loops (or runs too long) resolves to undefined: that part is skipped.
  const resolveIn = (x: unknown): Resolved | undefined => ctx.resolve(x, s.pointer, s.file);
  if (Array.isArray(v.allOf)) {
    for (const part of v.allOf) {
      const r = resolveIn(part);
      if (!r) continue;
      const f = gather(r, ctx, seen);
      f.declared.forEach((k) => facts.declared.add(k));
      f.required.forEach((k) => facts.required.add(k));
    }
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = v[key];
    if (!Array.isArray(branches) || branches.length === 0) continue;
    const all = branches.map((b) => {
      const r = resolveIn(b);
      return r ? gather(r, ctx, new Set(seen)) : { declared: new Set<string>(), required: new Set<string>() };
    });
    for (const k of all[0]!.declared) if (all.every((f) => f.declared.has(k))) facts.declared.add(k);
    for (const k of all[0]!.required) if (all.every((f) => f.required.has(k))) facts.required.add(k);
  }
  return facts;
}

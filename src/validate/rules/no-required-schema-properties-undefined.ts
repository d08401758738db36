import type { WalkContext } from '../walk.js';
import type { Rule } from './rule.js';
import { at, isRecord } from './util.js';

/**
 * A name in `required` that no `properties` defines (in the schema itself, in every
 * `allOf` member, or in all of the `anyOf` / `oneOf` alternatives, through `$ref`s),
 * as Redocly's rule of the same name. Valid JSON Schema, but almost always a typo or a
 * removed property: a warning. A schema with only constraints (no `properties`, no
 * composition) that is itself an `allOf`/`anyOf`/`oneOf` member is a fragment whose
 * properties are elsewhere: not checked.
 */
export const noRequiredSchemaPropertiesUndefined: Rule = {
  id: 'no-required-schema-properties-undefined',
  severity: 'warn',
  description: 'Every name in `required` is a defined property.',
  create: ({ report }) => ({
    Schema(schema, ctx) {
      const required = schema.required;
      if (!Array.isArray(required) || required.length === 0) return;
      if (!isRecord(schema.properties) && !schema.allOf && !schema.anyOf && !schema.oneOf) {
        const parent = ctx.segments[ctx.segments.length - 2];
        if (parent === 'allOf' || parent === 'anyOf' || parent === 'oneOf') return;
      }
      required.forEach((name, i) => {
        if (typeof name !== 'string' || defines(schema, name, ctx, new Set())) return;
        report({ file: ctx.file, pointer: at(ctx, 'required', i), message: `required property \`${name}\` is not defined in \`properties\`` });
      });
    },
  }),
};

function defines(schema: Record<string, unknown>, name: string, ctx: WalkContext, seen: Set<object>): boolean {
  if (seen.has(schema)) return false;
  seen.add(schema);
  if (isRecord(schema.properties) && Object.hasOwn(schema.properties, name)) return true;
  const member = (s: unknown, branch: Set<object>): boolean => {
    const r = ctx.resolve(s, ''); // only the value is used: no pointer built
    return r !== undefined && isRecord(r.value) && defines(r.value, name, ctx, branch);
  };
  if (typeof schema.$ref === 'string' && member({ $ref: schema.$ref }, seen)) return true;
  if (Array.isArray(schema.allOf) && schema.allOf.some((s) => member(s, seen))) return true;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list) && list.length > 0 && list.every((s) => member(s, new Set(seen)))) return true;
  }
  return false;
}

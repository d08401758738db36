import type { Rule } from './rule.js';
import type { WalkContext } from '../walk.js';
import { at } from './util.js';

const FOR_OBJECTS = ['properties', 'additionalProperties', 'patternProperties', 'required', 'minProperties', 'maxProperties'];
const FOR_ARRAYS = ['items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems', 'contains'];

/**
 * Keywords that only apply to another type (`items` on `type: object`,
 * `properties` on `type: array`) are ignored by validators: usually a
 * misplaced keyword. A warning (Redocly's `recommended`: an error for `items` and
 * `properties`, the only keywords its rule checks; the others stay warnings there).
 */
export const noSchemaTypeMismatch: Rule = {
  id: 'no-schema-type-mismatch',
  severity: 'warn',
  description: 'No object keywords on a non-object schema, no array keywords on a non-array schema.',
  create: ({ report }) => {
    const check = (schema: Record<string, unknown>, ctx: WalkContext, t: string, keys: readonly string[], applies: string): void => {
      for (const k of keys) {
        if (!(k in schema)) continue;
        if (k === 'required' && !Array.isArray(schema.required)) continue;
        report({
          file: ctx.file,
          pointer: at(ctx, k),
          message: `\`${k}\` applies to ${applies}s, but this schema is \`type: ${t}\`: it is ignored`,
          // Redocly's rule checks `items` and `properties` only.
          ...(k === 'items' || k === 'properties' ? {} : { beyondRedocly: true }),
        });
      }
    };
    return {
      Schema(schema, ctx) {
        const t = schema.type;
        if (typeof t !== 'string') return;
        if (t !== 'object') check(schema, ctx, t, FOR_OBJECTS, 'object');
        if (t !== 'array') check(schema, ctx, t, FOR_ARRAYS, 'array');
      },
    };
  },
};

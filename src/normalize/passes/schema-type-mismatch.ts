import type { Pass } from '../types.js';
import { childPointer } from '../../core/pointer.js';

const types = (t: unknown): string[] => (typeof t === 'string' ? [t] : Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : []);
const hasType = (t: unknown, name: string): boolean => t === name || (Array.isArray(t) && t.includes(name));

/**
 * A schema whose `type` excludes arrays but that has `items` (DigitalOcean's
 * `type: object` + `items`), or excludes objects but has `properties`: the
 * keyword never applies, and Redocly's recommended rules reject it. Keep it as
 * `x-items` / `x-properties`, so nothing is lost, and report it.
 */
export const schemaTypeMismatch: Pass = {
  name: 'schema-type-mismatch',
  description: 'Move `items` off non-array schemas and `properties` off non-object schemas (to x- keys).',
  schemas: (_src, ctx) => ({
    schema(schema, ptr) {
      if (schema.type === undefined || (!('items' in schema) && !('properties' in schema))) return;
      const t = types(schema.type);
      if (t.length === 0) return;
      for (const [keyword, needs] of [
        ['items', 'array'],
        ['properties', 'object'],
      ] as const) {
        if (!(keyword in schema) || hasType(schema.type, needs)) continue;
        schema[`x-${keyword}`] = schema[keyword];
        delete schema[keyword];
        ctx.report({
          ruleId: 'schema-type-mismatch',
          severity: 'warn',
          message: `\`${keyword}\` on a schema of type ${t.join('|')} never applies; kept as \`x-${keyword}\``,
          pointer: childPointer(ptr, keyword),
        });
      }
    },
  }),
};

import type { Pass } from '../types.js';
import { isObject } from '../../core/json.js';
import { childPointer } from '../../core/pointer.js';

/**
 * A tuple written as `items: {"0": {…}, "1": {…}}` (seen in FAL's whisper
 * documents) is not a schema. Rewrite it as `prefixItems` with a fixed length.
 */
export const tupleItems: Pass = {
  name: 'tuple-items',
  description: 'Rewrite `items` objects keyed "0", "1", … as prefixItems.',
  schemas: (_src, ctx) => ({
    schema(schema, ptr) {
      const items = schema.items;
      if (!isObject(items)) return;
      const keys = Object.keys(items);
      if (keys.length === 0 || !keys.every((k, i) => k === String(i))) return;
      if (!keys.every((k) => isObject(items[k]))) return;
      schema.prefixItems = keys.map((k) => items[k]);
      schema.minItems ??= keys.length;
      schema.maxItems ??= keys.length;
      delete schema.items;
      ctx.report({
        ruleId: 'tuple-items',
        severity: 'warn',
        message: `\`items\` keyed ${keys.map((k) => `"${k}"`).join(', ')} is not a schema; rewritten as a ${keys.length}-item prefixItems tuple`,
        pointer: childPointer(ptr, 'items'),
      });
    },
  }),
};

import type { Rule } from './rule.js';
import { at } from './util.js';

/**
 * OpenAPI 3.0: `nullable` "adds null to the allowed type specified by the type
 * keyword, only if type is explicitly defined within the same Schema Object".
 * Without `type` it does nothing, which is rarely what the author meant.
 */
export const nullableTypeSibling: Rule = {
  id: 'nullable-type-sibling',
  severity: 'warn',
  description: 'OpenAPI 3.0: `nullable` has an effect only next to `type` in the same schema.',
  versions: ['3.0'],
  create: ({ report }) => ({
    Schema(schema, ctx) {
      if (!('nullable' in schema) || 'type' in schema) return;
      report({
        file: ctx.file,
        pointer: at(ctx, 'nullable'),
        message: '`nullable` without `type` in the same schema has no effect (OpenAPI 3.0: it only adds null to the type given by `type`)',
        suggestion:
          schema.allOf || schema.oneOf || schema.anyOf
            ? 'With allOf/oneOf/anyOf, add `type` here too, or use `oneOf: [{...}, {nullable: true, type: ...}]`.'
            : 'Add `type`.',
      });
    },
  }),
};

import type { Rule } from './rule.js';
import { at } from './util.js';

/**
 * OpenAPI 3.0, 3.1 §4.8.19 Example Object: "The `value` field and `externalValue` field are mutually exclusive."
 * (3.2 has more such pairs: `spec-example-values`; Redocly too runs this rule on 3.0 and 3.1 only.)
 */
export const noExampleValueAndExternalValue: Rule = {
  id: 'no-example-value-and-externalValue',
  severity: 'error',
  description: 'An Example Object has `value` or `externalValue`, not both (3.0, 3.1 §Example Object).',
  versions: ['3.0', '3.1'],
  create: ({ report }) => ({
    Example(example, ctx) {
      if (Object.hasOwn(example, 'value') && Object.hasOwn(example, 'externalValue')) {
        report({
          file: ctx.file,
          pointer: at(ctx),
          message: 'the example has both `value` and `externalValue`: they are mutually exclusive',
          replacesStruct: true,
        });
      }
    },
  }),
};

import type { Rule } from './rule.js';
import { at } from './util.js';

/** OpenAPI 3.x §4.8.19 Example Object: "The `value` field and `externalValue` field are mutually exclusive." */
export const noExampleValueAndExternalValue: Rule = {
  id: 'no-example-value-and-externalValue',
  severity: 'error',
  description: 'An Example Object has `value` or `externalValue`, not both (3.x §Example Object).',
  versions: ['3.0', '3.1', '3.2'],
  create: ({ report }) => ({
    Example(example, ctx) {
      if (Object.hasOwn(example, 'value') && Object.hasOwn(example, 'externalValue')) {
        report({ file: ctx.file, pointer: at(ctx), message: 'the example has both `value` and `externalValue`: they are mutually exclusive', replacesStruct: true });
      }
    },
  }),
};

import type { Rule } from './rule.js';
import { at } from './util.js';

/** Fields of a 3.2 Example Object that must not appear together, as the specification words each pair. */
const EXCLUSIVE: ReadonlyArray<readonly [string, string]> = [
  ['value', 'externalValue'],
  ['serializedValue', 'externalValue'],
  ['value', 'dataValue'],
  ['value', 'serializedValue'],
];

/**
 * OpenAPI 3.2 §4.8.23 Example Object (https://spec.openapis.org/oas/v3.2.0.html#example-object):
 * `value` "MUST NOT be present if `dataValue` or `serializedValue` is present", and
 * `externalValue` "MUST NOT be present if `serializedValue` or `value` is present". Redocly's rule
 * of the same name (recommended: error). The official schema says the same for an Example Object
 * written in place: this finding replaces that `struct` error. 3.0 and 3.1 have only
 * `value`/`externalValue`: `no-example-value-and-externalValue`.
 */
export const specExampleValues: Rule = {
  id: 'spec-example-values',
  severity: 'error',
  description:
    '3.2: an Example Object does not combine `value` with `externalValue`, `dataValue` or `serializedValue`, nor `serializedValue` with `externalValue`.',
  versions: ['3.2'],
  create: ({ report }) => ({
    Example(example, ctx) {
      for (const [a, b] of EXCLUSIVE) {
        if (Object.hasOwn(example, a) && Object.hasOwn(example, b)) {
          report({
            file: ctx.file,
            pointer: at(ctx),
            message: `the example has both \`${a}\` and \`${b}\`: they are mutually exclusive`,
            replacesStruct: true,
          });
        }
      }
    },
  }),
};

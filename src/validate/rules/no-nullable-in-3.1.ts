import type { Rule } from './rule.js';
import { at } from './util.js';

/**
 * `nullable` in an OpenAPI 3.1+ Schema Object. 3.1 schemas are JSON Schema 2020-12,
 * where `nullable` is an unknown keyword: allowed, and ignored (OAS 3.1 §4.8.24, "The
 * `nullable` keyword has been removed"), so null is not accepted where the author
 * probably meant it. A warning by default; Redocly's `struct` reports it as an error,
 * so under Redocly's presets this rule follows `struct` (switch: set this rule in
 * redocly.yaml, e.g. under `x-api-hub: {rules: {no-nullable-in-3.1: warn}}`).
 */
export const noNullableIn31: Rule = {
  id: 'no-nullable-in-3.1',
  severity: 'warn',
  redocly: 'struct',
  description: 'OpenAPI 3.1+: `nullable` is not a keyword (ignored); use `type: [T, "null"]`.',
  versions: ['3.1', '3.2'],
  create: ({ set, report }) => ({
    Schema(schema, ctx) {
      if (!Object.hasOwn(schema, 'nullable')) return;
      report({
        file: ctx.file,
        pointer: at(ctx, 'nullable'),
        message: `\`nullable\` is not a keyword in OpenAPI ${set.version}: it is ignored, so null is ${schema.nullable === true ? 'not ' : ''}allowed here`,
        suggestion: 'Add "null" to `type` (`type: [string, "null"]`), or `oneOf` with `{type: "null"}`.',
      });
    },
  }),
};

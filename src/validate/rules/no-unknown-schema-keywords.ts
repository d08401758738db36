import type { Rule } from './rule.js';
import { at } from './util.js';
import { SCHEMA_KEYWORDS } from '../../core/schema-keywords.js';

/** JSON Schema 2020-12's and OpenAPI's keywords, and two that other rules report or that lose no constraint. */
const KNOWN = new Set([
  ...SCHEMA_KEYWORDS,
  // draft 7's name of `$defs`: a place for schemas that `$ref`s point into (no constraint is lost)
  'definitions',
  // reported by no-nullable-in-3.1
  'nullable',
]);

/**
 * OpenAPI 3.1+: a Schema Object keyword that is neither JSON Schema 2020-12's nor
 * OpenAPI's (`min_items`, `optional`, ...). JSON Schema allows unknown keywords and
 * ignores them, so the constraint the author wrote does not apply. A warning by
 * default; Redocly's `struct` reports them as errors, so under Redocly's presets this
 * rule follows `struct` (switch: set this rule's severity in redocly.yaml). Extensions
 * (`x-...`) are not reported. 2.0 and 3.0 schemas: the structural check.
 */
export const noUnknownSchemaKeywords: Rule = {
  id: 'no-unknown-schema-keywords',
  severity: 'warn',
  redocly: 'struct',
  description: "3.1+: Schema keywords are JSON Schema 2020-12's or OpenAPI's (unknown ones are ignored).",
  versions: ['3.1', '3.2'],
  create: ({ report }) => ({
    Schema(schema, ctx) {
      for (const key in schema) {
        if (KNOWN.has(key) || key.startsWith('x-')) continue;
        report({
          file: ctx.file,
          pointer: at(ctx, key),
          message: `\`${key}\` is not a JSON Schema or OpenAPI keyword: it is ignored, so it constrains nothing`,
        });
      }
    },
  }),
};

import type { Rule } from './rule.js';
import { at } from './util.js';

/** JSON Schema keywords OpenAPI 3.1 added to the Schema Object (2020-12), absent from 3.0's subset. */
const NEW_IN_31 = new Set([
  'const',
  '$defs',
  'if',
  'then',
  'else',
  'dependentRequired',
  'dependentSchemas',
  'prefixItems',
  'contains',
  'minContains',
  'maxContains',
  'unevaluatedItems',
  'unevaluatedProperties',
  'propertyNames',
  'patternProperties',
  'examples',
  'contentMediaType',
  'contentEncoding',
  'contentSchema',
  '$id',
  '$anchor',
  '$schema',
  '$comment',
  '$dynamicRef',
  '$dynamicAnchor',
  '$vocabulary',
]);
/** And what 3.0 added over 2.0. */
const NEW_IN_30 = new Set(['oneOf', 'anyOf', 'not', 'nullable', 'writeOnly', 'deprecated']);

/**
 * Schema keywords of another OpenAPI version, with a message that says so
 * (the structural check only says "not allowed"):
 * - 3.1 keywords in a 3.0 (or 2.0) document, `type` as a list or `"null"`, numeric
 *   `exclusiveMinimum` / `exclusiveMaximum` (errors: the document is invalid);
 * - a boolean `exclusiveMinimum` / `exclusiveMaximum` in a 3.1+ document (an error).
 * (`nullable` in 3.1+: no-nullable-in-3.1.)
 */
export const oasVersionKeywords: Rule = {
  id: 'oas-version-keywords',
  severity: 'error',
  description: 'Schema keywords match the OpenAPI version (3.1 keywords in 3.0, boolean exclusive bounds in 3.1, ...).',
  redocly: 'struct',
  create: ({ set, report }) => {
    const v = set.version;
    const old = v === '2.0' || v === '3.0';
    return {
      Schema(schema, ctx) {
        for (const key of Object.keys(schema)) {
          const value = schema[key];
          if (old && (NEW_IN_31.has(key) || (v === '2.0' && NEW_IN_30.has(key)))) {
            if (key === 'examples' && ctx.segments[ctx.segments.length - 2] === 'properties') continue;
            const since = NEW_IN_31.has(key) ? '3.1' : '3.0';
            report({
              file: ctx.file,
              pointer: at(ctx, key),
              message: `\`${key}\` is an OpenAPI ${since} Schema keyword; OpenAPI ${v} does not allow it`,
              suggestion: hintFor(key, v) ?? `Upgrade the document to OpenAPI ${since}, or express this without \`${key}\`.`,
              replacesStruct: true,
            });
          } else if (v === '3.0' && key === 'type' && (Array.isArray(value) || value === 'null')) {
            // (2.0 takes `type` from JSON Schema draft 4, where both are allowed.)
            report({
              file: ctx.file,
              pointer: at(ctx, key),
              message: `\`type\` ${Array.isArray(value) ? 'as a list' : 'null'} is OpenAPI 3.1; in ${v} \`type\` is one type name`,
              suggestion: 'Use a single type with `nullable: true`.',
              replacesStruct: true,
            });
          } else if (old && (key === 'exclusiveMinimum' || key === 'exclusiveMaximum') && typeof value === 'number') {
            const base = key === 'exclusiveMinimum' ? 'minimum' : 'maximum';
            report({
              file: ctx.file,
              pointer: at(ctx, key),
              message: `a numeric \`${key}\` is OpenAPI 3.1; in ${v} it is a boolean that makes \`${base}\` exclusive`,
              suggestion: `Write \`${base}: ${value}\` and \`${key}: true\`.`,
              replacesStruct: true,
            });
          } else if (!old && (key === 'exclusiveMinimum' || key === 'exclusiveMaximum') && typeof value === 'boolean') {
            const base = key === 'exclusiveMinimum' ? 'minimum' : 'maximum';
            report({
              file: ctx.file,
              pointer: at(ctx, key),
              message: `a boolean \`${key}\` is OpenAPI 3.0; in ${v} it is the exclusive bound itself (a number)`,
              suggestion: value ? `Replace \`${base}: N\` + \`${key}: true\` by \`${key}: N\`.` : `Remove \`${key}: false\`.`,
              replacesStruct: true,
            });
          }
        }
      },
    };
  },
};

function hintFor(key: string, v: string): string | undefined {
  if (key === 'const') return 'Use `enum` with one value.';
  if (key === 'examples') return v === '3.0' ? 'Use `example` (one value).' : undefined;
  if (key === 'nullable') return 'In 2.0, use the `x-nullable: true` extension.';
  return undefined;
}

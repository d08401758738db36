import type { Rule } from './rule.js';
import { at, isRecord } from './util.js';

/**
 * `items` is present when `type` is `array`:
 * - OpenAPI 3.0 §4.7.24 Schema Object (https://spec.openapis.org/oas/v3.0.4.html#properties):
 *   "`items` MUST be present if the `type` is `array`." Every Schema Object.
 * - Swagger 2.0 §Parameter Object, §Items Object, §Header Object
 *   (https://spec.openapis.org/oas/v2.0.html#parameter-object): `items` is "Required if `type` is
 *   array". The 2.0 Schema Object has no such sentence (JSON Schema draft 4 allows an array
 *   without `items`); the schema of a body parameter and of a response is held to it, as
 *   swagger-parser does, since it describes the whole payload.
 * OpenAPI 3.1+ Schema Objects are JSON Schema 2020-12, where `items` is optional: not checked.
 * A 3.0 schema with `$ref` ignores its siblings: not checked.
 */
export const specArrayItems: Rule = {
  id: 'spec-array-items',
  severity: 'error',
  description: '2.0, 3.0: `items` is present when `type: array` (3.0 Schema Objects; 2.0 parameters, items, headers, body and response schemas).',
  versions: ['2.0', '3.0'],
  create: ({ set, report }) => {
    const missing = (node: Record<string, unknown>): boolean => node.type === 'array' && !Object.hasOwn(node, 'items') && typeof node.$ref !== 'string';
    const flag = (file: Parameters<typeof report>[0]['file'], pointer: string, what: string): void =>
      report({
        file,
        pointer,
        message: `${what} is \`type: array\` without \`items\`: OpenAPI ${set.version} requires \`items\` for arrays`,
        suggestion: 'Add `items` with the schema of the elements.',
      });
    if (set.version === '3.0') {
      return {
        Schema(schema, ctx) {
          if (missing(schema)) flag(ctx.file, at(ctx), 'the schema');
        },
      };
    }
    return {
      Parameter(p, ctx) {
        if (p.in === 'body') {
          if (isRecord(p.schema) && missing(p.schema)) flag(ctx.file, at(ctx, 'schema'), `the schema of body parameter \`${String(p.name)}\``);
        } else if (missing(p)) flag(ctx.file, at(ctx), `parameter \`${String(p.name)}\``);
      },
      Items(items, ctx) {
        if (missing(items)) flag(ctx.file, at(ctx), 'the `items` object');
      },
      Header(header, ctx) {
        if (missing(header)) flag(ctx.file, at(ctx), 'the header');
      },
      Response(response, ctx) {
        if (isRecord(response.schema) && missing(response.schema)) flag(ctx.file, at(ctx, 'schema'), 'the response schema');
      },
    };
  },
};

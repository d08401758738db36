import type { NodeVisitor } from '../walk.js';
import type { Rule } from './rule.js';
import { at } from './util.js';

/**
 * OpenAPI 3.2 §4.8.14 Media Type Object and §4.8.15 Encoding Object
 * (https://spec.openapis.org/oas/v3.2.0.html#media-type-object): `prefixEncoding` and
 * `itemEncoding` "MUST NOT be present if `encoding` is present" (and `encoding` "MUST NOT be
 * present if `prefixEncoding` or `itemEncoding` are present"). Redocly's rule of the same name
 * (recommended: error). The official schema says the same for objects written in place: this
 * finding replaces that `struct` error, at the same key.
 */
export const specNoInvalidEncodingCombinations: Rule = {
  id: 'spec-no-invalid-encoding-combinations',
  severity: 'error',
  description: '3.2: a Media Type or Encoding Object does not combine `encoding` with `prefixEncoding` or `itemEncoding`.',
  versions: ['3.2'],
  create: ({ report }) => {
    const check: NodeVisitor = (node, ctx) => {
      if (!Object.hasOwn(node, 'encoding')) return;
      for (const key of ['prefixEncoding', 'itemEncoding']) {
        if (!Object.hasOwn(node, key)) continue;
        report({
          file: ctx.file,
          pointer: at(ctx, key),
          message: `\`${key}\` together with \`encoding\`: \`encoding\` (by name) excludes \`prefixEncoding\` and \`itemEncoding\` (by position)`,
          replacesStruct: true,
        });
      }
    };
    return { MediaType: check, Encoding: check };
  },
};

import type { Rule } from './rule.js';
import { at } from './util.js';

/**
 * Keys next to `$ref` in a Reference Object: OpenAPI 2.0 and 3.0 §Reference Object "cannot
 * be extended with additional properties and any properties added SHALL be ignored"; 3.1+
 * allows only `summary` and `description` there (Schema Objects are JSON Schema 2020-12,
 * where `$ref` siblings apply: not reported). Path Items may merge a `$ref` with their
 * fields (not reported). Redocly's rule of the same name (a warning in its `recommended`): the
 * document is valid, the siblings have no effect. Off by default: a common, harmless pattern in 3.0
 * (`description` next to a schema `$ref`).
 */
export const specRefSiblings: Rule = {
  id: 'spec-ref-siblings',
  severity: 'off',
  description: 'No ignored keys next to a `$ref` (2.0/3.0: none; 3.1+: only summary, description).',
  create: ({ set, report }) => {
    const modern = set.version === '3.1' || set.version === '3.2';
    return {
      Ref(_ref, node, ctx, type) {
        if (type === undefined || type === 'PathItem' || (modern && type === 'Schema')) return;
        for (const key in node) {
          if (key === '$ref' || (modern && (key === 'summary' || key === 'description'))) continue;
          report({
            file: ctx.file,
            pointer: at(ctx, key),
            message: `\`${key}\` next to \`$ref\` is ignored${modern ? ' (a Reference Object allows only `summary` and `description`)' : ''}`,
          });
        }
      },
    };
  },
};

import type { Rule } from './rule.js';
import { at, isRecord } from './util.js';

/**
 * Tag names are unique: OpenAPI 2.0 §Swagger Object `tags`, 3.x §OpenAPI Object `tags`:
 * "Each tag name in the list MUST be unique." (Redocly's rule of the same name.)
 */
export const noDuplicatedTagNames: Rule = {
  id: 'no-duplicated-tag-names',
  severity: 'error',
  description: 'Tag names in the top-level `tags` are unique (a MUST).',
  create: ({ report }) => ({
    Root(root, ctx) {
      if (!Array.isArray(root.tags)) return;
      const seen = new Map<unknown, number>();
      root.tags.forEach((tag, i) => {
        if (!isRecord(tag) || typeof tag.name !== 'string') return;
        const first = seen.get(tag.name);
        if (first === undefined) seen.set(tag.name, i);
        else
          report({
            file: ctx.file,
            pointer: at(ctx, 'tags', i, 'name'),
            message: `tag \`${tag.name}\` is declared twice (first at \`tags[${first}]\`); tag names must be unique`,
          });
      });
    },
  }),
};

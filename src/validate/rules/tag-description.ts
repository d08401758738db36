import type { Rule } from './rule.js';
import { at } from './util.js';

/** Each tag of the top-level `tags` list has a description (Redocly's rule). */
export const tagDescription: Rule = {
  id: 'tag-description',
  severity: 'off',
  description: 'Each tag has a `description`.',
  create: ({ report }) => ({
    Tag(tag, ctx) {
      if (tag.description === undefined) report({ file: ctx.file, pointer: at(ctx), message: `tag \`${String(tag.name)}\` has no \`description\`` });
      else if (tag.description === '')
        report({ file: ctx.file, pointer: at(ctx, 'description'), message: `the description of tag \`${String(tag.name)}\` is empty` });
    },
  }),
};

import type { Rule } from './rule.js';
import { at } from './util.js';

/** A path template declares a name in every `{}` (OpenAPI §4.8.8 Paths: templates are `{name}`). */
export const pathDeclarationMustExist: Rule = {
  id: 'path-declaration-must-exist',
  severity: 'error',
  description: 'Path templates are not empty (`/a/{}` is invalid).',
  create: ({ report }) => ({
    Paths(paths, ctx) {
      for (const path in paths) {
        if (path.includes('{}')) report({ file: ctx.file, pointer: at(ctx, path), message: `path \`${path}\` has an empty parameter declaration \`{}\`` });
      }
    },
  }),
};

import type { Rule } from './rule.js';
import { at } from './util.js';

/** `/pets/` next to `/pets`: a trailing slash is a different URL to most servers. */
export const noPathTrailingSlash: Rule = {
  id: 'no-path-trailing-slash',
  severity: 'warn',
  description: 'Paths do not end with `/`.',
  create: ({ report }) => ({
    Paths(paths, ctx) {
      for (const path of Object.keys(paths)) {
        if (path === '/' || !path.startsWith('/') || !path.endsWith('/')) continue;
        report({ file: ctx.file, pointer: at(ctx, path), message: `the path \`${path}\` ends with \`/\``, suggestion: `\`${path.replace(/\/+$/, '')}\`` });
      }
    },
  }),
};

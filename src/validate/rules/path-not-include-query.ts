import type { Rule } from './rule.js';
import { at } from './util.js';

/** A query string in a path key (`/ips?networks=jdcloud`): it belongs in `in: query` parameters. */
export const pathNotIncludeQuery: Rule = {
  id: 'path-not-include-query',
  severity: 'warn',
  description: 'Paths do not contain a query string.',
  create: ({ report }) => ({
    Paths(paths, ctx) {
      for (const path of Object.keys(paths)) {
        if (!path.startsWith('/') || !path.includes('?')) continue;
        report({
          file: ctx.file,
          pointer: at(ctx, path),
          message: `the path \`${path}\` contains a query string; query items belong in parameters with \`in: query\``,
        });
      }
    },
  }),
};

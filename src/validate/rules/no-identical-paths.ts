import type { Rule } from './rule.js';
import { at } from './util.js';

/** Paths that differ only in template names (`/a/{x}` and `/a/{y}`): OpenAPI says they "MUST NOT exist as they are identical". */
export const noIdenticalPaths: Rule = {
  id: 'no-identical-paths',
  severity: 'error',
  description: 'No two paths differ only in the names of their path templates.',
  create: ({ report }) => ({
    Paths(paths, ctx) {
      const seen = new Map<string, string>();
      for (const path of Object.keys(paths)) {
        if (!path.startsWith('/')) continue;
        const id = path.replace(/\{[^}]*\}/g, '{}');
        const first = seen.get(id);
        if (first === undefined) {
          seen.set(id, path);
          continue;
        }
        report({
          file: ctx.file,
          pointer: at(ctx, path),
          message: `\`${path}\` is identical to \`${first}\` except for the names of its path parameters; a request cannot tell them apart`,
          suggestion: 'Merge the two path items (one name per position), or make the paths differ.',
        });
      }
    },
  }),
};

import type { Rule } from './rule.js';
import { at } from './util.js';

/** `servers: []` means "the server is `/`": usually an accident (the specification allows it, hence a warning). */
export const noEmptyServers: Rule = {
  id: 'no-empty-servers',
  severity: 'warn',
  description: 'The top-level `servers` list is not empty.',
  versions: ['3.0', '3.1', '3.2'],
  create: ({ report }) => ({
    Root(root, ctx) {
      if (Array.isArray(root.servers) && root.servers.length === 0) {
        report({
          file: ctx.file,
          pointer: at(ctx, 'servers'),
          message: '`servers` is empty, so every path is relative to `/` of the host serving the description',
          suggestion: 'List the API servers, or remove `servers`.',
        });
      }
    },
  }),
};

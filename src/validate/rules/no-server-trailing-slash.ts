import type { Rule } from './rule.js';
import { at } from './util.js';

/** A server URL ending in `/` doubles the slash before every path (`https://x.com/` + `/pets`). */
export const noServerTrailingSlash: Rule = {
  id: 'no-server-trailing-slash',
  severity: 'warn',
  description: 'Server URLs do not end with `/` (paths start with one).',
  versions: ['3.0', '3.1', '3.2'],
  create: ({ report }) => ({
    Server(server, ctx) {
      if (typeof server.url !== 'string' || server.url === '/' || !server.url.endsWith('/')) return;
      report({
        file: ctx.file,
        pointer: at(ctx, 'url'),
        message: `server URL \`${server.url}\` ends with \`/\`: every path starts with one, so requests get \`//\``,
        suggestion: `\`${server.url.replace(/\/+$/, '')}\``,
      });
    },
  }),
};

import type { Rule } from './rule.js';
import { at } from './util.js';

const PLACEHOLDER = /^(.*[/.])?(example\.com|localhost)([/:?].*|$)/;

/** A server URL that points at example.com or localhost: a placeholder left in (Redocly's `no-server-example.com`). */
export const noServerExampleCom: Rule = {
  id: 'no-server-example.com',
  severity: 'off',
  description: 'Server URLs do not point at example.com or localhost.',
  versions: ['3.0', '3.1', '3.2'],
  create: ({ report }) => ({
    Server(server, ctx) {
      if (typeof server.url === 'string' && PLACEHOLDER.test(server.url)) {
        report({ file: ctx.file, pointer: at(ctx, 'url'), message: `the server URL ${JSON.stringify(server.url)} points at example.com or localhost` });
      }
    },
  }),
};

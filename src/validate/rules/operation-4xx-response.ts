import type { Rule } from './rule.js';
import { at } from './util.js';

/**
 * An operation describes at least one client-error response (`4XX`, `400`-`499`), as
 * Redocly's rule of the same name (`default` does not count). Webhooks are not checked.
 * A convention, not a rule of OpenAPI: off by default, on (warn) in Redocly's `recommended`.
 */
export const operation4xxResponse: Rule = {
  id: 'operation-4xx-response',
  severity: 'off',
  description: 'Each operation has at least one 4XX response.',
  create: ({ report }) => ({
    Responses(responses, ctx) {
      if (ctx.logicalAt(0) !== 'paths') return;
      for (const code in responses) if (/^4[0-9Xx]{2}$/.test(code)) return;
      report({ file: ctx.file, pointer: at(ctx), message: 'the operation has no client-error response: add a `4XX` response' });
    },
  }),
};

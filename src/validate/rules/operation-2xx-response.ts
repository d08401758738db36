import type { Rule } from './rule.js';
import { at } from './util.js';

/** An operation describes at least one success (`2XX`, `200`-`299`) or `default` response. */
export const operation2xxResponse: Rule = {
  id: 'operation-2xx-response',
  severity: 'warn',
  description: 'Each operation has at least one 2XX (or default) response.',
  create: ({ report }) => ({
    Responses(responses, ctx) {
      if (ctx.logicalAt(0) !== 'paths') return;
      if (Object.keys(responses).some((code) => code === 'default' || /^2[0-9Xx]{2}$/.test(code))) return;
      report({
        file: ctx.file,
        pointer: at(ctx),
        message: 'the operation has no success response: add a `2XX` (or `default`) response',
      });
    },
  }),
};

import type { Rule } from './rule.js';
import { at } from './util.js';

/** Operations have a `summary`. Style only (the specification makes it optional): off unless configured. */
export const operationSummary: Rule = {
  id: 'operation-summary',
  severity: 'off',
  description: 'Operations have a `summary` (off by default: a style rule).',
  create: ({ report }) => ({
    Operation(op, ctx) {
      if (typeof op.summary === 'string' && op.summary.trim() !== '') return;
      report({ file: ctx.file, pointer: at(ctx), message: 'the operation has no `summary`' });
    },
  }),
};

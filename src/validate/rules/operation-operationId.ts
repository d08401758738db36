import type { Rule } from './rule.js';
import { at } from './util.js';

/** Every operation has an `operationId` (Redocly's rule of the same name; OpenAPI makes it optional). */
export const operationOperationId: Rule = {
  id: 'operation-operationId',
  severity: 'off',
  description: 'Each operation has an `operationId`.',
  create: ({ report }) => ({
    Operation(op, ctx) {
      if (ctx.logicalAt(0) !== 'paths') return;
      if (op.operationId === undefined) report({ file: ctx.file, pointer: at(ctx), message: 'the operation has no `operationId`' });
      else if (op.operationId === '') report({ file: ctx.file, pointer: at(ctx, 'operationId'), message: 'the `operationId` is empty' });
    },
  }),
};

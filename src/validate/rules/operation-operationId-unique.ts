import { pointer } from '../../core/pointer.js';
import type { Rule } from './rule.js';
import { at } from './util.js';

/** Every operationId is unique in the description (OpenAPI: "The id MUST be unique among all operations"). */
export const operationOperationIdUnique: Rule = {
  id: 'operation-operationId-unique',
  severity: 'error',
  description: 'Every `operationId` is unique among all operations.',
  create: ({ report }) => {
    /** operationId -> where it was first seen (segments; the pointer is built only for a report). */
    const seen = new Map<string, Array<string | number>>();
    return {
      Operation(op, ctx) {
        const id = op.operationId;
        if (typeof id !== 'string') return;
        const first = seen.get(id);
        if (first === undefined) {
          seen.set(id, [...ctx.segments]);
          return;
        }
        report({
          file: ctx.file,
          pointer: at(ctx, 'operationId'),
          message: `operationId \`${id}\` is already used by the operation at ${pointer(...first)}; operationIds must be unique`,
          suggestion: 'Rename one of the operations: generated clients name their methods after the operationId.',
        });
      },
    };
  },
};

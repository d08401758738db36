import { childPointer } from '../../core/pointer.js';
import type { SourceFile } from '../types.js';
import type { Rule } from './rule.js';
import type { WalkContext } from '../walk.js';
import { at, isRecord, lazy, resolvedOperations } from './util.js';

/** A parameter is unique by `name` and `in` in a path item's and in each operation's list (OpenAPI: "The list MUST NOT include duplicated parameters"). */
export const operationParametersUnique: Rule = {
  id: 'operation-parameters-unique',
  severity: 'error',
  description: 'Parameters are unique by `name` + `in` within a path item and within an operation.',
  create: ({ report }) => {
    const check = (params: unknown, file: SourceFile, base: () => string, ctx: WalkContext, where: string): void => {
      if (!Array.isArray(params)) return;
      const seen = new Map<string, number>();
      params.forEach((p, i) => {
        const r = ctx.resolve(p, '', file);
        if (!r || !isRecord(r.value) || typeof r.value.name !== 'string' || typeof r.value.in !== 'string') return;
        // Header names are case-insensitive (RFC 9110).
        const name = r.value.in === 'header' ? r.value.name.toLowerCase() : r.value.name;
        const key = `${r.value.in}\u0000${name}`;
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, i);
          return;
        }
        report({
          file,
          pointer: childPointer(base(), i),
          message: `duplicate parameter \`${r.value.name}\` (in: ${r.value.in}) in the ${where}: it is already parameter ${first}`,
          suggestion: 'Remove one of them; to override a path-level parameter, declare it on the operation instead.',
        });
      });
    };
    return {
      PathItem(item, ctx) {
        check(
          item.parameters,
          ctx.file,
          lazy(() => at(ctx, 'parameters')),
          ctx,
          'path item',
        );
        for (const op of resolvedOperations(item, ctx)) check(op.value.parameters, op.file, op.parameters, ctx, 'operation');
      },
    };
  },
};

import type { Rule } from './rule.js';
import { at, isRecord } from './util.js';

/** Every tag an operation uses is declared in the top-level `tags` (where its description lives). */
export const operationTagDefined: Rule = {
  id: 'operation-tag-defined',
  severity: 'off',
  description: 'Operation tags are declared in the top-level `tags` list.',
  create: ({ set, report }) => {
    const root = set.root.data as Record<string, unknown>;
    const declared = new Set(Array.isArray(root.tags) ? root.tags.filter(isRecord).map((t) => t.name) : []);
    return {
      Operation(op, ctx) {
        if (!Array.isArray(op.tags)) return;
        op.tags.forEach((tag, i) => {
          if (typeof tag !== 'string' || declared.has(tag)) return;
          report({
            file: ctx.file,
            pointer: at(ctx, 'tags', i),
            message: `tag \`${tag}\` is not declared in the top-level \`tags\``,
            suggestion: `Add \`{name: ${tag}, description: ...}\` to \`tags\`.`,
          });
        });
      },
    };
  },
};

import type { Rule } from './rule.js';
import { at } from './util.js';

/**
 * A server variable's `enum` is not empty and contains its `default`. OpenAPI
 * 3.1+: "The array MUST NOT be empty", the default "MUST exist in the enum's
 * values" (errors). OpenAPI 3.0 only says SHOULD (warnings).
 */
export const noServerVariablesEmptyEnum: Rule = {
  id: 'no-server-variables-empty-enum',
  severity: 'error',
  description: 'Server variables: `enum` is not empty and includes `default`.',
  versions: ['3.0', '3.1', '3.2'],
  create: ({ set, report }) => {
    const soft = set.version === '3.0';
    const must = soft ? 'should not' : 'must not';
    return {
      ServerVariable(v, ctx) {
        if (!Array.isArray(v.enum)) return;
        if (v.enum.length === 0) {
          report({
            file: ctx.file,
            pointer: at(ctx, 'enum'),
            message: `the \`enum\` of a server variable ${must} be empty`,
            suggestion: 'List the allowed values, or remove `enum`.',
            replacesStruct: true,
            ...(soft ? { severity: 'warn' as const } : {}),
          });
          return;
        }
        if (v.default !== undefined && !v.enum.includes(v.default)) {
          const name = ctx.segments[ctx.segments.length - 1];
          report({
            file: ctx.file,
            pointer: at(ctx, 'default'),
            message: `the default ${JSON.stringify(v.default)} of server variable \`${String(name)}\` is not one of its \`enum\` values (${v.enum.map((e) => JSON.stringify(e)).join(', ')})`,
            ...(soft ? { severity: 'warn' as const } : {}),
          });
        }
      },
    };
  },
};

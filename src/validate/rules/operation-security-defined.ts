import type { Rule } from './rule.js';
import { at } from './util.js';

/**
 * Every operation says which security applies: its own `security` or a
 * top-level one (`security: []` for a public endpoint). A policy, not a rule of
 * the specification (public APIs need none): off unless configured. Redocly
 * checks this as part of `security-defined`.
 */
export const operationSecurityDefined: Rule = {
  id: 'operation-security-defined',
  redocly: 'security-defined',
  severity: 'off',
  description: 'Every operation has security, its own or top-level (off by default: a policy).',
  create: ({ set, report }) => {
    const rootSecurity = (set.root.data as Record<string, unknown>).security !== undefined;
    return {
      Operation(op, ctx) {
        if (rootSecurity || op.security !== undefined || ctx.logicalAt(0) !== 'paths') return;
        report({
          file: ctx.file,
          pointer: at(ctx),
          message: 'the operation has no `security` and there is no top-level `security`: say which security applies, or `security: []` for a public endpoint',
        });
      },
    };
  },
};

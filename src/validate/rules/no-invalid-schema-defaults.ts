import { checkExample } from '../examples/check-example.js';
import type { Rule } from './rule.js';
import { at } from './util.js';

/**
 * A `default` is valid against its own schema (JSON Schema: it SHOULD be; a
 * warning). Also a 2.0 non-body Parameter's `default`, against the parameter's
 * own type, enum and limits.
 */
export const noInvalidSchemaDefaults: Rule = {
  id: 'no-invalid-schema-defaults',
  severity: 'warn',
  description: '`default` values are valid against their schema.',
  create: ({ report }) => ({
    Schema(schema, ctx) {
      if (schema.default === undefined) return;
      const p = checkExample(
        ctx,
        { value: schema, file: ctx.file },
        { value: schema.default, file: ctx.file, pointer: () => at(ctx, 'default') },
        'the `default`',
      );
      if (p) report(p);
    },
    Parameter(param, ctx) {
      if (ctx.set.version !== '2.0' || param.default === undefined || param.in === 'body') return;
      const p = checkExample(
        ctx,
        { value: param, file: ctx.file },
        { value: param.default, file: ctx.file, pointer: () => at(ctx, 'default') },
        'the `default`',
      );
      if (p) report(p);
    },
  }),
};

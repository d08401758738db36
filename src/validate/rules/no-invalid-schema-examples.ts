import { checkExample } from '../examples/check-example.js';
import type { Rule } from './rule.js';
import { at } from './util.js';

/** A Schema's own `example` (and 3.1 `examples` list) matches the schema (a warning: JSON Schema says examples SHOULD be valid). */
export const noInvalidSchemaExamples: Rule = {
  id: 'no-invalid-schema-examples',
  severity: 'warn',
  description: 'Schema `example` / `examples` values match the schema.',
  create: ({ report }) => ({
    Schema(schema, ctx) {
      if (schema.example === undefined && schema.examples === undefined) return;
      const self = { value: schema, file: ctx.file };
      if (schema.example !== undefined) {
        const p = checkExample(ctx, self, { value: schema.example, file: ctx.file, pointer: () => at(ctx, 'example') }, 'the schema `example`');
        if (p) report(p);
      }
      if (Array.isArray(schema.examples) && ctx.set.version !== '2.0' && ctx.set.version !== '3.0') {
        schema.examples.forEach((value, i) => {
          const p = checkExample(ctx, self, { value, file: ctx.file, pointer: () => at(ctx, 'examples', i) }, `schema \`examples[${i}]\``);
          if (p) report(p);
        });
      }
    },
  }),
};

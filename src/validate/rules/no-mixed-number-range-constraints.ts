import type { Rule } from './rule.js';
import { at } from './util.js';

const PAIRS = [
  ['minimum', 'exclusiveMinimum'],
  ['maximum', 'exclusiveMaximum'],
] as const;

/**
 * OpenAPI 3.1+ (JSON Schema 2020-12): both `minimum` and a numeric `exclusiveMinimum`
 * (or the maximum pair) in one schema: both apply, so one of them is redundant, which
 * usually means a 3.0 habit half converted. Redocly's rule of the same name (a warning).
 */
export const noMixedNumberRangeConstraints: Rule = {
  id: 'no-mixed-number-range-constraints',
  severity: 'warn',
  description: '3.1+: not both `minimum` and `exclusiveMinimum` (or the maximum pair) in one schema.',
  versions: ['3.1', '3.2'],
  create: ({ report }) => ({
    Schema(schema, ctx) {
      for (let i = 0; i < PAIRS.length; i++) {
        const [plain, exclusive] = PAIRS[i]!;
        if (typeof schema[plain] === 'number' && typeof schema[exclusive] === 'number') {
          report({ file: ctx.file, pointer: at(ctx, exclusive), message: `the schema has both \`${plain}\` and \`${exclusive}\`: use one of them` });
        }
      }
    },
  }),
};

import type { Pass } from '../types.js';
import { childPointer } from '../../core/pointer.js';
import { SCHEMA_KEYWORDS } from '../../core/schema-keywords.js';

/**
 * Move keywords that are neither JSON Schema nor OpenAPI (FAL's `step`,
 * `max_pixels`, `limit_description`, `min`, `max`, `max_file_size`, …) to `x-`
 * keys, so that they survive as documentation and strict tools accept the schema.
 */
export const nonStandardKeywords: Pass = {
  name: 'non-standard-keywords',
  description: 'Move non-standard schema keywords to x- extension keys.',
  schemas: (_src, ctx) => ({
    schema(schema, ptr) {
      for (const key in schema) {
        if (SCHEMA_KEYWORDS.has(key) || key.startsWith('x-')) continue;
        let target = `x-${key}`;
        while (target in schema) target = `x-${target}`;
        schema[target] = schema[key];
        delete schema[key];
        ctx.report({
          ruleId: 'non-standard-keyword',
          severity: 'info',
          message: `non-standard keyword \`${key}\` moved to \`${target}\``,
          pointer: childPointer(ptr, key),
        });
      }
    },
  }),
};

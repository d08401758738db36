import type { Pass } from '../types.js';
import { childPointer } from '../../core/pointer.js';

/** Keywords of JSON Schema 2020-12 plus the OAS 3.1 Schema Object's own. */
export const SCHEMA_KEYWORDS = new Set([
  '$ref',
  '$id',
  '$schema',
  '$anchor',
  '$dynamicRef',
  '$dynamicAnchor',
  '$defs',
  '$comment',
  '$vocabulary',
  'type',
  'enum',
  'const',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxContains',
  'minContains',
  'maxProperties',
  'minProperties',
  'required',
  'dependentRequired',
  'properties',
  'patternProperties',
  'additionalProperties',
  'items',
  'prefixItems',
  'contains',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
  'dependentSchemas',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'format',
  'title',
  'description',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'examples',
  'example',
  'discriminator',
  'xml',
  'externalDocs',
  'contentEncoding',
  'contentMediaType',
  'contentSchema',
]);

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

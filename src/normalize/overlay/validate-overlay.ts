import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../../core/diagnostic.js';

/** The Overlay 1.0 schema (spec.openapis.org/overlay/1.0/schema/2024-10-22), without its format checks. */
const SCHEMA = {
  type: 'object',
  required: ['overlay', 'info', 'actions'],
  properties: {
    overlay: { type: 'string', pattern: '^1\\.0\\.\\d+$' },
    info: {
      type: 'object',
      required: ['title', 'version'],
      properties: { title: { type: 'string' }, version: { type: 'string' } },
      patternProperties: { '^x-': true },
      additionalProperties: false,
    },
    extends: { type: 'string' },
    actions: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['target'],
        properties: {
          target: { type: 'string', pattern: '^\\$' },
          description: { type: 'string' },
          update: true,
          remove: { type: 'boolean', default: false },
        },
        patternProperties: { '^x-': true },
        additionalProperties: false,
      },
    },
  },
  patternProperties: { '^x-': true },
  additionalProperties: false,
} as const;

let check: ReturnType<Ajv2020['compile']> | undefined;

/** Problems of an Overlay document (pointer into it), or an empty list. */
export async function validateOverlay(data: unknown, file: string): Promise<Diagnostic[]> {
  if (check === undefined) {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    check = new Ajv2020({ allErrors: true, strict: false }).compile(SCHEMA);
  }
  if (check(data)) return [];
  return (check.errors ?? []).map((e) => ({
    ruleId: 'overlay-invalid',
    severity: 'error' as const,
    message: `not an Overlay 1.0 document: ${e.instancePath || 'the document'} ${e.keyword === 'additionalProperties' ? `has unknown key ${String((e.params as { additionalProperty?: string }).additionalProperty)}` : (e.message ?? 'is invalid')}`,
    file,
    pointer: e.instancePath,
  }));
}

import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../../core/diagnostic.js';

/** The precompiled validator of overlay.schema.json (scripts/build-validators.mjs writes overlay-validator.ts). */
type OverlayValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
let check: OverlayValidator | undefined;

/** Problems of an Overlay document (pointer into it), or an empty list. */
export async function validateOverlay(data: unknown, file: string): Promise<Diagnostic[]> {
  check ??= ((await import('./overlay-validator.js')) as { validate: OverlayValidator }).validate;
  if (check(data)) return [];
  return (check.errors ?? []).map((e) => ({
    ruleId: 'overlay-invalid',
    severity: 'error' as const,
    message: `not an Overlay 1.0 document: ${e.instancePath || 'the document'} ${e.keyword === 'additionalProperties' ? `has unknown key ${String((e.params as { additionalProperty?: string }).additionalProperty)}` : (e.message ?? 'is invalid')}`,
    file,
    pointer: e.instancePath,
  }));
}

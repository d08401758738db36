import type { OasVersion } from '../types.js';

/** One raw error of a precompiled validator (ajv's ErrorObject, `messages: false`). */
export interface RawError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  /** Set on the errors of a `propertyNames` subschema: the name that failed it. */
  propertyName?: string;
}

export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: RawError[] | null;
}

const cache = new Map<OasVersion, Promise<SchemaValidator>>();

/**
 * The precompiled validator of the official schema for a version (see
 * scripts/build-validators.mjs). Loaded on first use only: a run over 3.1
 * documents never parses the 2.0/3.0/3.2 modules.
 */
export function loadSchemaValidator(version: OasVersion): Promise<SchemaValidator> {
  let p = cache.get(version);
  if (!p) {
    p = importValidator(version);
    cache.set(version, p);
  }
  return p;
}

async function importValidator(version: OasVersion): Promise<SchemaValidator> {
  const mod: { validate: unknown } =
    version === '2.0'
      ? await import('./compiled/oas-20.js')
      : version === '3.0'
        ? await import('./compiled/oas-30.js')
        : version === '3.1'
          ? await import('./compiled/oas-31.js')
          : await import('./compiled/oas-32.js');
  return mod.validate as SchemaValidator;
}

import { formats } from '../schemas/formats.js';

/**
 * What the structural check's fast passes share (accepts-schema-31.ts, accepts-path-item-31.ts):
 * the switch that turns them all off for tests, and the shape checks they build on. Each pass
 * answers true only when the official schema certainly accepts a value; false sends the value to
 * the official validator, which writes the errors.
 */
let disabled = false;

/** Whether withoutFastPass is running: every fast pass answers false. */
export function fastPassesDisabled(): boolean {
  return disabled;
}

/** Runs `fn` with the fast passes off: every value goes to the official validator (for tests). */
export function withoutFastPass<T>(fn: () => T): T {
  disabled = true;
  try {
    return fn();
  } finally {
    disabled = false;
  }
}

/** A JSON object (not null, not an array). */
export function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** An object whose every value passes `test`. */
export function everyValue(v: unknown, test: (item: unknown) => boolean): boolean {
  if (!isMap(v)) return false;
  for (const k in v) if (!test(v[k])) return false;
  return true;
}

/** An object whose keys each pass `field` (given the key and its value), or are extensions (`x-…`): what the schemas close. */
export function closed(v: unknown, field: (k: string, value: unknown) => boolean): v is Record<string, unknown> {
  if (!isMap(v)) return false;
  for (const k in v) if (!field(k, v[k]) && !k.startsWith('x-')) return false;
  return true;
}

const uriRef = formats['uri-reference'] as (s: string) => boolean;

/** A string the official schemas' `format: uri-reference` accepts. */
export function uriReference(v: unknown): boolean {
  return typeof v === 'string' && uriRef(v);
}

/** An External Documentation Object, as the 3.1 schema and its OAS vocabulary both define it: a `url`, a `description`, extensions. */
export function externalDocs(v: unknown): boolean {
  return closed(v, (k, x) => (k === 'url' ? uriReference(x) : k === 'description' && typeof x === 'string')) && v.url !== undefined;
}

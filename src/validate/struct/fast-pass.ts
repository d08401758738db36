import { isObject } from '../../core/json.js';
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

/** An array whose every item passes `test`. */
export function everyItem(v: unknown, test: (item: unknown) => boolean): v is unknown[] {
  if (!Array.isArray(v)) return false;
  for (const item of v) if (!test(item)) return false;
  return true;
}

/** An object whose every value passes `test`. */
export function everyValue(v: unknown, test: (item: unknown) => boolean): boolean {
  if (!isObject(v)) return false;
  for (const k in v) if (!test(v[k])) return false;
  return true;
}

/** An object whose keys each pass `field` (given the key and its value), or are extensions (`x-…`): what the schemas close. */
export function closed(v: unknown, field: (k: string, value: unknown) => boolean): v is Record<string, unknown> {
  if (!isObject(v)) return false;
  for (const k in v) if (!field(k, v[k]) && !k.startsWith('x-')) return false;
  return true;
}

const uriRef = formats['uri-reference'] as (s: string) => boolean;

/** A string the official schemas' `format: uri-reference` accepts. */
export function uriReference(v: unknown): v is string {
  return typeof v === 'string' && uriRef(v);
}

/** An External Documentation Object, as the 3.1 schema and its OAS vocabulary both define it: a `url`, a `description`, extensions. */
export function externalDocs(v: unknown): boolean {
  return closed(v, (k, x) => (k === 'url' ? uriReference(x) : k === 'description' && typeof x === 'string')) && v.url !== undefined;
}

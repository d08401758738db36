import { isObject } from '../../core/json.js';
import { resolvePointer } from '../../core/pointer.js';

/** Keys whose values are instance data, not schemas. */
const DATA_KEYS = new Set(['example', 'examples', 'default', 'const']);
/** Keys that only help a renderer, never a caller: left out of answers. */
const NOISE_KEYS = new Set(['x-fal-order-properties']);

/** Enums longer than this (Comet's 568 model ids) are described, not listed. */
export const MAX_ENUM = 40;

/**
 * A schema made compact for an answer: an `enum` of more than `max` values is
 * replaced by its size, its first five values as examples and `hint` (where
 * the full list is), descriptions lose their indentation, and renderer-only
 * keys are dropped. Pure.
 */
export function compactSchema(value: unknown, hint: string, max = MAX_ENUM): unknown {
  const visit = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(visit);
    if (!isObject(v)) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (NOISE_KEYS.has(k)) continue;
      if (k === 'enum' && Array.isArray(x) && x.length > max) {
        out['x-enum-size'] = x.length;
        if (!('examples' in v)) out.examples = x.slice(0, 5);
        const d = typeof v.description === 'string' && v.description ? `${v.description} ` : '';
        out.description = `${d}One of ${x.length} values, not listed here: ${hint}`;
        continue;
      }
      if (k === 'description' && 'x-enum-size' in out) continue; // already written with the enum's note
      // Descriptions lose their source indentation ("\n            The scale…"): whitespace runs become one space.
      if (k === 'description' && typeof x === 'string') out[k] = x.replace(/\s+/g, ' ').trim();
      else out[k] = DATA_KEYS.has(k) ? x : visit(x);
    }
    return out;
  };
  return visit(value);
}

/** `$ref`s followed, `allOf` members merged: the object schema whose properties a caller fills in. */
function flatten(doc: unknown, schema: unknown, seen: Set<string> = new Set()): Record<string, unknown> {
  let s = schema;
  for (let i = 0; i < 32 && isObject(s) && typeof s.$ref === 'string' && s.$ref.startsWith('#/'); i++) {
    if (seen.has(s.$ref)) return {};
    seen.add(s.$ref);
    s = resolvePointer(doc, s.$ref);
  }
  if (!isObject(s)) return {};
  if (!Array.isArray(s.allOf)) return s;
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const part of [...s.allOf, { ...s, allOf: undefined }]) {
    const f = flatten(doc, part, seen);
    if (isObject(f.properties)) Object.assign(properties, f.properties);
    if (Array.isArray(f.required)) required.push(...f.required.filter((r): r is string => typeof r === 'string'));
  }
  return { ...s, properties, required: [...new Set(required)] };
}

function typeOf(doc: unknown, schema: unknown): string {
  const s = flatten(doc, schema);
  if (Array.isArray(s.enum)) return s.enum.length <= 6 ? s.enum.map((e) => JSON.stringify(e)).join(' | ') : `one of ${s.enum.length} values`;
  if (s.const !== undefined) return JSON.stringify(s.const);
  const t = Array.isArray(s.type) ? s.type.join(' | ') : typeof s.type === 'string' ? s.type : undefined;
  if (t === 'array') return `array of ${typeOf(doc, s.items)}`;
  if (t) return t;
  for (const k of ['oneOf', 'anyOf'] as const) {
    const alts = s[k];
    if (Array.isArray(alts)) return [...new Set(alts.map((a) => typeOf(doc, a)))].join(' | ');
  }
  return isObject(s.properties) ? 'object' : 'any';
}

export interface FieldSummary {
  required: string[];
  /** Field -> `type — description` (descriptions cut to `describe` characters). */
  fields: Record<string, string>;
  /** Fields past `limit`, by name only. */
  more?: string[];
}

/**
 * The top-level fields of a request body: name, type and a short description,
 * required ones first. A compact answer to "what does this call take"; the
 * full schema is one get_operation away.
 */
export function fieldSummary(doc: unknown, schema: unknown, limit = 24, describe = 90): FieldSummary | null {
  const s = flatten(doc, schema);
  if (!isObject(s.properties)) return null;
  const required = Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === 'string') : [];
  const names = Object.keys(s.properties);
  const ordered = [...names.filter((n) => required.includes(n)), ...names.filter((n) => !required.includes(n))];
  const fields: Record<string, string> = {};
  for (const name of ordered.slice(0, limit)) {
    const p = flatten(doc, s.properties[name]);
    const raw = typeof p.description === 'string' ? p.description.replace(/\s+/g, ' ').trim() : '';
    const text = raw.length > describe ? `${raw.slice(0, describe - 1).trimEnd()}…` : raw;
    fields[name] = `${typeOf(doc, s.properties[name])}${text ? ` — ${text}` : ''}`;
  }
  const more = ordered.slice(limit);
  return { required, fields, ...(more.length > 0 ? { more } : {}) };
}

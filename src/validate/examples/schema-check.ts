import { isObject } from '../../core/json.js';
import type { OasVersion, SourceFile } from '../types.js';

/**
 * Checks a value (an `example`, `examples` entry or `default`) against a Schema
 * Object, by interpreting the schema: no compilation. Compiling each schema
 * with ajv costs ~2.5 ms (measured: 2,000 small schemas, 5 s), and a large
 * description has thousands of schemas with examples, each checked once, so
 * interpreting is ~100x faster here. It covers the Schema Object keywords of
 * OpenAPI 2.0 (draft 4 subset), 3.0 (with `nullable` and boolean
 * `exclusiveMinimum`/`exclusiveMaximum`) and 3.1/3.2 (JSON Schema 2020-12).
 *
 * Deliberately lenient, to never report a valid example:
 * - `format` is an annotation (as in 2020-12 by default): not checked;
 * - `unevaluatedProperties` / `unevaluatedItems` and `$dynamicRef` are not
 *   checked (they need annotation tracking); a `pattern` that is not a valid
 *   ECMAScript regex is skipped;
 * - refs that do not resolve, and recursion deeper than 64 schemas without
 *   descending into the value, count as valid (other rules report the refs).
 */
export interface CheckOptions {
  version: OasVersion;
  /** `request`: readOnly properties are not required; `response`: writeOnly ones are not. */
  direction?: 'request' | 'response';
  /** Resolve a `$ref` written in `from`. */
  resolve(ref: string, from: SourceFile): { schema: unknown; file: SourceFile } | undefined;
}

export interface ValueIssue {
  /** Path inside the value. */
  path: Array<string | number>;
  message: string;
}

type Schema = Record<string, unknown>;

export function checkValue(schema: unknown, file: SourceFile, value: unknown, options: CheckOptions): ValueIssue | undefined {
  return new Checker(options).check(schema, file, value, [], 0);
}

const MAX_REF_DEPTH = 64;
const NO_PATTERNS: ReadonlyArray<readonly [RegExp | undefined, unknown]> = [];

class Checker {
  private readonly legacy: boolean;
  constructor(private readonly o: CheckOptions) {
    this.legacy = o.version === '2.0' || o.version === '3.0';
  }

  check(schema: unknown, file: SourceFile, value: unknown, path: Array<string | number>, depth: number): ValueIssue | undefined {
    if (schema === true || schema === undefined) return undefined;
    if (schema === false) return issue(path, 'no value is allowed here (the schema is `false`)');
    if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return undefined;
    if (depth > MAX_REF_DEPTH) return undefined;
    const s = schema as Schema;
    if (typeof s.$ref === 'string') {
      const r = this.o.resolve(s.$ref, file);
      const bad = r ? this.check(r.schema, r.file, value, path, depth + 1) : undefined;
      if (bad || this.legacy) return bad; // 2.0/3.0: siblings of $ref are ignored
    }
    return (
      this.type(s, value, path) ?? this.generic(s, value, path) ?? this.byType(s, file, value, path, depth) ?? this.combinators(s, file, value, path, depth)
    );
  }

  private type(s: Schema, value: unknown, path: Array<string | number>): ValueIssue | undefined {
    const t = s.type;
    if (t === undefined) return undefined;
    if (value === null && ((this.o.version === '3.0' && s.nullable === true) || (this.o.version === '2.0' && s['x-nullable'] === true))) return undefined;
    if (typeof t === 'string' ? isOfType(value, t) : Array.isArray(t) && t.some((x) => typeof x === 'string' && isOfType(value, x))) return undefined;
    const types = Array.isArray(t) ? t : [t];
    return issue(path, `must be ${types.map((x) => article(String(x))).join(' or ')}, not ${describe(value)}`);
  }

  private generic(s: Schema, value: unknown, path: Array<string | number>): ValueIssue | undefined {
    if (Array.isArray(s.enum) && !s.enum.some((e) => deepEqual(e, value))) {
      if (!(value === null && this.o.version === '3.0' && s.nullable === true)) {
        return issue(
          path,
          `must be one of ${s.enum
            .slice(0, 8)
            .map((e) => JSON.stringify(e))
            .join(', ')}${s.enum.length > 8 ? ', ...' : ''}, not ${short(value)}`,
        );
      }
    }
    if ('const' in s && !this.legacy && !deepEqual(s.const, value)) return issue(path, `must be ${short(s.const)}, not ${short(value)}`);
    return undefined;
  }

  private byType(s: Schema, file: SourceFile, value: unknown, path: Array<string | number>, depth: number): ValueIssue | undefined {
    if (typeof value === 'number') return this.number(s, value, path);
    if (typeof value === 'string') return this.string(s, value, path);
    if (Array.isArray(value)) return this.array(s, file, value, path, depth);
    if (value !== null && typeof value === 'object') return this.object(s, file, value as Record<string, unknown>, path, depth);
    return undefined;
  }

  private number(s: Schema, n: number, path: Array<string | number>): ValueIssue | undefined {
    const { multipleOf, maximum, minimum, exclusiveMaximum: xmax, exclusiveMinimum: xmin } = s;
    if (typeof multipleOf === 'number' && multipleOf > 0) {
      const q = n / multipleOf;
      if (Math.abs(q - Math.round(q)) > 1e-9 * Math.max(1, Math.abs(q))) return issue(path, `must be a multiple of ${multipleOf}, not ${n}`);
    }
    if (typeof maximum === 'number') {
      if (xmax === true ? n >= maximum : n > maximum) return issue(path, `must be ${xmax === true ? '<' : '<='} ${maximum}, not ${n}`);
    }
    if (typeof minimum === 'number') {
      if (xmin === true ? n <= minimum : n < minimum) return issue(path, `must be ${xmin === true ? '>' : '>='} ${minimum}, not ${n}`);
    }
    if (typeof xmax === 'number' && n >= xmax) return issue(path, `must be < ${xmax}, not ${n}`);
    if (typeof xmin === 'number' && n <= xmin) return issue(path, `must be > ${xmin}, not ${n}`);
    return undefined;
  }

  private string(s: Schema, v: string, path: Array<string | number>): ValueIssue | undefined {
    const { minLength, maxLength, pattern } = s;
    if (typeof minLength === 'number' || typeof maxLength === 'number') {
      const len = codePoints(v);
      if (typeof minLength === 'number' && len < minLength)
        return issue(path, `must be at least ${minLength} character${minLength === 1 ? '' : 's'} long, not ${len}`);
      if (typeof maxLength === 'number' && len > maxLength)
        return issue(path, `must be at most ${maxLength} character${maxLength === 1 ? '' : 's'} long, not ${len}`);
    }
    if (typeof pattern === 'string') {
      const re = regex(pattern);
      if (re && !re.test(v)) return issue(path, `${short(v)} does not match the pattern ${pattern}`);
    }
    return undefined;
  }

  private array(s: Schema, file: SourceFile, a: unknown[], path: Array<string | number>, depth: number): ValueIssue | undefined {
    const { minItems, maxItems, uniqueItems, items, prefixItems, additionalItems, contains, minContains, maxContains } = s;
    if (typeof minItems === 'number' && a.length < minItems)
      return issue(path, `must have at least ${minItems} item${minItems === 1 ? '' : 's'}, not ${a.length}`);
    if (typeof maxItems === 'number' && a.length > maxItems)
      return issue(path, `must have at most ${maxItems} item${maxItems === 1 ? '' : 's'}, not ${a.length}`);
    if (uniqueItems === true) {
      for (let i = 0; i < a.length; i++)
        for (let j = 0; j < i; j++) if (deepEqual(a[i], a[j])) return issue(path, `must not contain duplicates (items ${j} and ${i} are equal)`);
    }
    // Positional schemas: 2020-12 prefixItems, or draft 4 array-form items.
    const tuple = Array.isArray(prefixItems) ? prefixItems : Array.isArray(items) ? items : undefined;
    const rest = Array.isArray(prefixItems) ? items : Array.isArray(items) ? additionalItems : items;
    for (let i = 0; i < a.length; i++) {
      const sub = tuple && i < tuple.length ? tuple[i] : rest;
      if (sub === undefined) continue;
      if (sub === false) return issue([...path, i], `no item is allowed at position ${i}`);
      const bad = this.check(sub, file, a[i], [...path, i], 0);
      if (bad) return bad;
    }
    if (contains !== undefined && !this.legacy) {
      const matches = a.filter((x, i) => !this.check(contains, file, x, [...path, i], depth + 1)).length;
      const min = typeof minContains === 'number' ? minContains : 1;
      if (matches < min) return issue(path, `must contain at least ${min} matching item${min === 1 ? '' : 's'} (\`contains\`), not ${matches}`);
      if (typeof maxContains === 'number' && matches > maxContains)
        return issue(path, `must contain at most ${maxContains} matching items (\`contains\`), not ${matches}`);
    }
    return undefined;
  }

  private object(s: Schema, file: SourceFile, o: Record<string, unknown>, path: Array<string | number>, depth: number): ValueIssue | undefined {
    const keys = Object.keys(o);
    const {
      properties,
      patternProperties,
      additionalProperties,
      required,
      minProperties,
      maxProperties,
      propertyNames,
      dependentRequired,
      dependentSchemas,
      dependencies,
    } = s;
    if (typeof minProperties === 'number' && keys.length < minProperties)
      return issue(path, `must have at least ${minProperties} propert${minProperties === 1 ? 'y' : 'ies'}, not ${keys.length}`);
    if (typeof maxProperties === 'number' && keys.length > maxProperties)
      return issue(path, `must have at most ${maxProperties} propert${maxProperties === 1 ? 'y' : 'ies'}, not ${keys.length}`);
    const props = isObject(properties) ? properties : undefined;
    if (Array.isArray(required)) {
      for (const r of required) {
        if (typeof r !== 'string' || r in o) continue;
        if (props && this.directionExempt(props[r], file, depth)) continue;
        return issue(path, `is missing the required property \`${r}\``);
      }
    }
    const patterns = isObject(patternProperties) ? Object.entries(patternProperties).map(([p, sub]) => [regex(p), sub] as const) : NO_PATTERNS;
    for (const k of keys) {
      let matched = false;
      if (props && Object.prototype.hasOwnProperty.call(props, k)) {
        matched = true;
        const bad = this.check(props[k], file, o[k], [...path, k], 0);
        if (bad) return bad;
      }
      for (const [re, sub] of patterns) {
        if (!re?.test(k)) continue;
        matched = true;
        const bad = this.check(sub, file, o[k], [...path, k], 0);
        if (bad) return bad;
      }
      if (!matched && additionalProperties !== undefined && additionalProperties !== true) {
        if (additionalProperties === false) return issue([...path, k], `property \`${k}\` is not allowed (additionalProperties: false)`);
        const bad = this.check(additionalProperties, file, o[k], [...path, k], 0);
        if (bad) return bad;
      }
      if (propertyNames !== undefined && !this.legacy) {
        const bad = this.check(propertyNames, file, k, [...path, k], depth + 1);
        if (bad) return issue([...path, k], `the property name \`${k}\` is not allowed: ${bad.message}`);
      }
    }
    if (!isObject(dependentRequired) && !isObject(dependentSchemas) && !isObject(dependencies)) return undefined;
    const deps: Array<[string, unknown]> = [
      ...(isObject(dependentRequired) ? Object.entries(dependentRequired) : []),
      ...(isObject(dependentSchemas) ? Object.entries(dependentSchemas) : []),
      ...(isObject(dependencies) ? Object.entries(dependencies) : []),
    ];
    for (const [k, dep] of deps) {
      if (!(k in o)) continue;
      if (Array.isArray(dep)) {
        const missing = dep.find((d) => typeof d === 'string' && !(d in o));
        if (missing !== undefined) return issue(path, `\`${String(missing)}\` is required when \`${k}\` is present`);
      } else {
        const bad = this.check(dep, file, o, path, depth + 1);
        if (bad) return bad;
      }
    }
    return undefined;
  }

  /** A required property that need not be present in this direction (readOnly in requests, writeOnly in responses). */
  private directionExempt(prop: unknown, file: SourceFile, depth: number): boolean {
    if (!this.o.direction) return false;
    let p = prop;
    let f = file;
    for (let i = 0; i < 16 && isObject(p) && typeof p.$ref === 'string'; i++) {
      const r = this.o.resolve(p.$ref, f);
      if (!r) return false;
      p = r.schema;
      f = r.file;
    }
    if (!isObject(p) || depth > MAX_REF_DEPTH) return false;
    return this.o.direction === 'request' ? p.readOnly === true : p.writeOnly === true;
  }

  private combinators(s: Schema, file: SourceFile, value: unknown, path: Array<string | number>, depth: number): ValueIssue | undefined {
    const { allOf, anyOf, oneOf } = s;
    if (Array.isArray(allOf)) {
      for (const sub of allOf) {
        const bad = this.check(sub, file, value, path, depth + 1);
        if (bad) return bad;
      }
    }
    if (Array.isArray(anyOf) && anyOf.length > 0) {
      const fails: ValueIssue[] = [];
      for (const sub of anyOf) {
        const bad = this.check(sub, file, value, path, depth + 1);
        if (!bad) {
          fails.length = 0;
          break;
        }
        fails.push(bad);
      }
      if (fails.length > 0) return closest(fails, path, `matches none of the ${anyOf.length} \`anyOf\` alternatives`);
    }
    if (Array.isArray(oneOf) && oneOf.length > 0) {
      const fails: ValueIssue[] = [];
      let passed = 0;
      for (const sub of oneOf) {
        const bad = this.check(sub, file, value, path, depth + 1);
        if (bad) fails.push(bad);
        else passed++;
      }
      if (passed === 0) return closest(fails, path, `matches none of the ${oneOf.length} \`oneOf\` alternatives`);
      if (passed > 1) return issue(path, `matches ${passed} of the \`oneOf\` alternatives; it must match exactly one`);
    }
    if (s.not !== undefined && !this.check(s.not, file, value, path, depth + 1)) return issue(path, 'must not match the `not` schema');
    if (s.if !== undefined && !this.legacy) {
      const branch = this.check(s.if, file, value, path, depth + 1) ? s.else : s.then;
      if (branch !== undefined) return this.check(branch, file, value, path, depth + 1);
    }
    return undefined;
  }
}

function issue(path: Array<string | number>, message: string): ValueIssue {
  return { path, message };
}

/** The failure of the alternative that got furthest into the value, or a summary. */
function closest(fails: readonly ValueIssue[], path: readonly unknown[], summary: string): ValueIssue {
  let best: ValueIssue | undefined;
  for (const f of fails) if (f.path.length > path.length && (!best || f.path.length > best.path.length)) best = f;
  return best ?? { path: [...(path as Array<string | number>)], message: summary };
}

function isOfType(v: unknown, t: string): boolean {
  switch (t) {
    case 'null':
      return v === null;
    case 'boolean':
      return typeof v === 'boolean';
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'array':
      return Array.isArray(v);
    case 'object':
      return isObject(v);
    case 'file': // 2.0 formData
      return true;
    default:
      return true;
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'number') return `${Number.isInteger(v) ? 'an integer' : 'a number'} (${v})`;
  return `${article(typeof v)} (${short(v)})`;
}

function article(t: string): string {
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

function short(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

const regexCache = new Map<string, RegExp | null>();
function regex(p: string): RegExp | undefined {
  let re = regexCache.get(p);
  if (re === undefined) {
    re = compile(p, 'u') ?? compile(p, '') ?? null;
    regexCache.set(p, re);
  }
  return re ?? undefined;
}

function compile(p: string, flags: string): RegExp | undefined {
  try {
    return new RegExp(p, flags);
  } catch {
    return undefined;
  }
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ka = Object.keys(a);
  const ob = b as Record<string, unknown>;
  if (ka.length !== Object.keys(ob).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(ob, k) && deepEqual((a as Record<string, unknown>)[k], ob[k]));
}

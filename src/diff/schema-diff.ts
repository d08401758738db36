import { isObject } from '../core/json.js';
import { childPointer, resolvePointer } from '../core/pointer.js';
import type { ChangeKind, Direction } from './types.js';

type Obj = Record<string, unknown>;

export interface SchemaChange {
  kind: ChangeKind;
  breaking: boolean;
  checkId?: string;
  pointer: string;
  /** Property path inside the schema (`images[].url`); '' for the schema itself. */
  property: string;
  /** What happened, without the place: `enum value "png" removed`. */
  what: string;
}

export interface SchemaDiffOptions {
  /**
   * Called when both sides reference the same component (`#/components/schemas/Image`).
   * Return true to stop there: the caller reports the component's changes once,
   * for every operation that reaches it, instead of once per use.
   */
  sharedRef?: (ref: string, dir: Direction) => boolean;
  /** What the schema is, for oasdiff's check ids: a parameter's schema, or a body's. */
  holder?: 'parameter' | 'body';
}

/** Lower bounds: raising them narrows. Upper bounds: lowering them narrows. oasdiff's check for a request where there is one. */
const LOWER = {
  minimum: 'min-increased',
  exclusiveMinimum: 'min-increased',
  minLength: 'min-length-increased',
  minItems: 'min-items-increased',
  minProperties: undefined,
} as const;
const UPPER = {
  maximum: 'max-decreased',
  exclusiveMaximum: 'max-decreased',
  maxLength: 'max-length-decreased',
  maxItems: 'max-items-decreased',
  maxProperties: undefined,
} as const;

function deref(doc: Obj, schema: unknown): Obj | undefined {
  let s = schema;
  for (let i = 0; i < 32 && isObject(s) && typeof s.$ref === 'string' && s.$ref.startsWith('#'); i++) s = resolvePointer(doc, s.$ref.slice(1));
  return isObject(s) ? s : undefined;
}

function types(s: Obj): string[] {
  if (typeof s.type === 'string') return [s.type];
  if (Array.isArray(s.type)) return s.type.filter((t): t is string => typeof t === 'string').sort();
  return [];
}

/** `a` + `b` -> `a.b`; the root is ''. */
const join = (path: string, name: string): string => (path ? `${path}.${name}` : name);

/** A type set accepts another: every type of `inner` is in `outer` (an integer is a number). */
const accepts = (outer: readonly string[], inner: readonly string[]): boolean =>
  inner.every((t) => outer.includes(t) || (t === 'integer' && outer.includes('number')));

/**
 * Compare two schemas in the direction data flows. For a request, what the
 * server stops accepting breaks clients (a new required property, a removed
 * property or enum value, a narrowed type or constraint); for a response,
 * what clients stop getting or do not expect (a removed property, a changed
 * type, a new enum value). Each change carries the property path it is at
 * (`images[].url`). References are followed; each pair of references is
 * compared once (cycle-safe), and a shared component can be left to the
 * caller (`sharedRef`).
 */
export function diffSchemas(
  oldDoc: Obj,
  newDoc: Obj,
  oldSchema: unknown,
  newSchema: unknown,
  dir: Direction,
  ptr: string,
  options: SchemaDiffOptions = {},
  seen = new Set<string>(),
): SchemaChange[] {
  const out: SchemaChange[] = [];
  const stack: Pending[] = [[oldSchema, newSchema, ptr, '']];
  const req = dir === 'request';
  const prefix = (prop: string) => (options.holder === 'parameter' ? 'request-parameter' : prop ? `${dir}-property` : `${dir}-body`);
  while (stack.length > 0) {
    const [rawA, rawB, p, prop] = stack.pop()!;
    if (alreadyCompared(rawA, rawB, dir, options, seen)) continue;
    const a = deref(oldDoc, rawA);
    const b = deref(newDoc, rawB);
    if (!a || !b) continue;
    const push: Push = (kind, breaking, what, check, at = p, property = prop) =>
      out.push({ kind, breaking, ...(check ? { checkId: check } : {}), pointer: at, property, what });
    const step: Step = { a, b, p, prop, req, prefix: prefix(prop), push };
    compareTypes(step);
    compareEnums(step);
    compareBounds(step);
    if (typeof b.pattern === 'string' && b.pattern !== a.pattern)
      push('constraint-narrowed', req, `pattern changed to ${b.pattern}`, req ? `${step.prefix}-pattern-changed` : undefined, childPointer(p, 'pattern'));
    compareProperties(step, stack);
    queueSubschemas(step, stack);
  }
  return out;
}

/** A pair of schemas still to compare: old, new, pointer, property path. */
type Pending = [unknown, unknown, string, string];
type Push = (kind: ChangeKind, breaking: boolean, what: string, check?: string, at?: string, property?: string) => void;

/** One pair of dereferenced schemas being compared, and where their changes go. */
interface Step {
  a: Obj;
  b: Obj;
  p: string;
  prop: string;
  req: boolean;
  /** The start of oasdiff's check id for this place (`request-property`). */
  prefix: string;
  push: Push;
}

/** Both sides reference: true when the pair was compared before, or is a shared component left to the caller. */
function alreadyCompared(rawA: unknown, rawB: unknown, dir: Direction, options: SchemaDiffOptions, seen: Set<string>): boolean {
  if (!(isObject(rawA) && typeof rawA.$ref === 'string' && isObject(rawB) && typeof rawB.$ref === 'string')) return false;
  if (rawA.$ref === rawB.$ref && options.sharedRef?.(rawA.$ref, dir)) return true;
  const key = `${rawA.$ref}|${rawB.$ref}`;
  if (seen.has(key)) return true;
  seen.add(key);
  return false;
}

function compareTypes({ a, b, req, prefix, push }: Step): void {
  const ta = types(a);
  const tb = types(b);
  if (ta.length > 0 && tb.length > 0 && ta.join('|') !== tb.join('|')) {
    const safe = req ? accepts(tb, ta) : accepts(ta, tb);
    push('type-changed', !safe, `type changed from ${ta.join('|')} to ${tb.join('|')}`, `${prefix}-type-changed`);
  }
}

function compareEnums({ a, b, req, prefix, push }: Step): void {
  if (Array.isArray(a.enum) && Array.isArray(b.enum)) {
    const newVals = new Set(b.enum.map((v) => JSON.stringify(v)));
    const oldVals = new Set(a.enum.map((v) => JSON.stringify(v)));
    for (const v of oldVals) if (!newVals.has(v)) push('enum-value-removed', req, `enum value ${v} removed`, `${prefix}-enum-value-removed`);
    for (const v of newVals) if (!oldVals.has(v)) push('enum-value-added', !req, `enum value ${v} added`, `${prefix}-enum-value-added`);
  } else if (!Array.isArray(a.enum) && Array.isArray(b.enum)) {
    push('constraint-narrowed', req, `values restricted to an enum of ${b.enum.length}`);
  }
}

/** Lower bounds narrow when raised, upper bounds when lowered. */
const BOUNDS = [
  { table: LOWER, narrows: (from: number, to: number) => to > from },
  { table: UPPER, narrows: (from: number, to: number) => to < from },
] as const;

/** `raised from 1 to 2` / `lowered from 2 to 1`. */
const moved = (from: number, to: number): string => `${to > from ? 'raised' : 'lowered'} from ${from} to ${to}`;

function compareBounds({ a, b, p, req, prefix, push }: Step): void {
  for (const { table, narrows } of BOUNDS) {
    for (const [k, id] of Object.entries(table)) {
      const x = a[k];
      const y = b[k];
      if (typeof y === 'number' && (typeof x !== 'number' || narrows(x, y)))
        push(
          'constraint-narrowed',
          req,
          `${k} ${typeof x === 'number' ? moved(x, y) : `set to ${y}`}`,
          req && id ? `${prefix}-${id}` : undefined,
          childPointer(p, k),
        );
      else if (typeof x === 'number' && (typeof y !== 'number' || narrows(y, x)))
        push('constraint-widened', false, `${k} ${typeof y === 'number' ? moved(x, y) : 'removed'}`, undefined, childPointer(p, k));
    }
  }
}

/** Properties added, removed or become required; those on both sides are queued for comparison. */
function compareProperties({ a, b, p, prop, req, push }: Step, stack: Pending[]): void {
  const reqA = new Set(Array.isArray(a.required) ? (a.required as unknown[]).map(String) : []);
  const reqB = new Set(Array.isArray(b.required) ? (b.required as unknown[]).map(String) : []);
  const propsA = isObject(a.properties) ? a.properties : {};
  const propsB = isObject(b.properties) ? b.properties : {};
  for (const name of Object.keys(propsB)) {
    const pp = childPointer(p, 'properties', name);
    const sub = join(prop, name);
    if (!(name in propsA)) {
      const required = reqB.has(name);
      if (req)
        push(
          'property-added',
          required,
          `${required ? 'required' : 'optional'} property added`,
          required ? 'new-required-request-property' : 'new-optional-request-property',
          pp,
          sub,
        );
      else push('property-added', false, 'property added', `response-${required ? 'required' : 'optional'}-property-added`, pp, sub);
    } else {
      stack.push([propsA[name], propsB[name], pp, sub]);
      if (req && reqB.has(name) && !reqA.has(name)) push('property-required', true, 'became required', 'request-property-became-required', pp, sub);
    }
  }
  for (const name of Object.keys(propsA)) {
    if (name in propsB) continue;
    const pp = childPointer(p, 'properties', name);
    // A removed response property breaks every client that reads it, required or not (docs: "How changes are classed").
    if (req) push('property-removed', true, 'property removed', 'request-property-removed', pp, join(prop, name));
    else
      push(
        'property-removed',
        true,
        `${reqA.has(name) ? 'required' : 'optional'} property removed`,
        `response-${reqA.has(name) ? 'required' : 'optional'}-property-removed`,
        pp,
        join(prop, name),
      );
  }
}

/** Queue the subschemas both sides have: items, allOf/anyOf/oneOf of the same length, prefixItems, additionalProperties. */
function queueSubschemas({ a, b, p, prop }: Step, stack: Pending[]): void {
  if (isObject(a.items) && isObject(b.items)) stack.push([a.items, b.items, childPointer(p, 'items'), `${prop}[]`]);
  for (const k of ['allOf', 'anyOf', 'oneOf'] as const) {
    const la = a[k];
    const lb = b[k];
    if (Array.isArray(la) && Array.isArray(lb) && la.length === lb.length) la.forEach((s, i) => stack.push([s, lb[i], childPointer(p, k, i), prop]));
  }
  const pa = a.prefixItems;
  const pb = b.prefixItems;
  if (Array.isArray(pa) && Array.isArray(pb) && pa.length === pb.length)
    pa.forEach((s, i) => stack.push([s, pb[i], childPointer(p, 'prefixItems', i), `${prop}[${i}]`]));
  if (isObject(a.additionalProperties) && isObject(b.additionalProperties))
    stack.push([a.additionalProperties, b.additionalProperties, childPointer(p, 'additionalProperties'), `${prop}{}`]);
}

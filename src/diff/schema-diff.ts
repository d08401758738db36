import { isObject } from '../core/json.js';
import { childPointer, resolvePointer } from '../core/pointer.js';
import type { ChangeKind } from './types.js';

type Obj = Record<string, unknown>;
export type Direction = 'request' | 'response';

export interface SchemaChange {
  kind: ChangeKind;
  breaking: boolean;
  pointer: string;
  message: string;
}

/** Lower bounds: raising them narrows. Upper bounds: lowering them narrows. */
const LOWER = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'] as const;
const UPPER = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'] as const;

function deref(doc: Obj, schema: unknown): Obj | undefined {
  let s = schema;
  for (let i = 0; i < 32 && isObject(s) && typeof s.$ref === 'string' && s.$ref.startsWith('#'); i++) {
    s = resolvePointer(doc, s.$ref.slice(1));
  }
  return isObject(s) ? s : undefined;
}

function types(s: Obj): string[] {
  if (typeof s.type === 'string') return [s.type];
  if (Array.isArray(s.type)) return s.type.filter((t): t is string => typeof t === 'string').sort();
  return [];
}

/**
 * Compare two schemas in the direction data flows. For a request, what the
 * server stops accepting breaks clients (new required property, removed enum
 * value, narrowed constraint); for a response, what clients stop getting
 * breaks them (a required property removed, a type change, a new enum value).
 * References are followed; each pair of schemas is compared once (cycle-safe).
 */
export function diffSchemas(oldDoc: Obj, newDoc: Obj, oldSchema: unknown, newSchema: unknown, dir: Direction, ptr: string, seen = new Set<string>()): SchemaChange[] {
  const out: SchemaChange[] = [];
  const stack: Array<[unknown, unknown, string]> = [[oldSchema, newSchema, ptr]];
  const refKey = (a: unknown, b: unknown) => (isObject(a) && typeof a.$ref === 'string' && isObject(b) && typeof b.$ref === 'string' ? `${a.$ref}|${b.$ref}` : undefined);
  while (stack.length > 0) {
    const [rawA, rawB, p] = stack.pop()!;
    const key = refKey(rawA, rawB);
    if (key) {
      if (seen.has(key)) continue;
      seen.add(key);
    }
    const a = deref(oldDoc, rawA);
    const b = deref(newDoc, rawB);
    if (!a || !b) continue;
    const ta = types(a);
    const tb = types(b);
    if (ta.length > 0 && tb.length > 0 && ta.join('|') !== tb.join('|')) {
      const widened = dir === 'request' && ta.every((t) => tb.includes(t) || (t === 'integer' && tb.includes('number')));
      out.push({ kind: 'type-changed', breaking: !widened, pointer: p, message: `type changed from ${ta.join('|')} to ${tb.join('|')}` });
    }
    if (Array.isArray(a.enum) && Array.isArray(b.enum)) {
      const newVals = new Set(b.enum.map((v) => JSON.stringify(v)));
      const oldVals = new Set(a.enum.map((v) => JSON.stringify(v)));
      for (const v of oldVals) if (!newVals.has(v)) out.push({ kind: 'enum-value-removed', breaking: dir === 'request', pointer: p, message: `enum value ${v} removed` });
      for (const v of newVals) if (!oldVals.has(v)) out.push({ kind: 'enum-value-added', breaking: dir === 'response', pointer: p, message: `enum value ${v} added` });
    } else if (!Array.isArray(a.enum) && Array.isArray(b.enum)) {
      out.push({ kind: 'constraint-narrowed', breaking: dir === 'request', pointer: p, message: `values restricted to an enum of ${b.enum.length}` });
    }
    for (const k of LOWER) {
      const x = a[k];
      const y = b[k];
      if (typeof y === 'number' && (typeof x !== 'number' || y > x)) out.push({ kind: 'constraint-narrowed', breaking: dir === 'request', pointer: childPointer(p, k), message: `${k} ${typeof x === 'number' ? `raised from ${x} to ${y}` : `set to ${y}`}` });
      else if (typeof x === 'number' && (typeof y !== 'number' || y < x)) out.push({ kind: 'constraint-widened', breaking: false, pointer: childPointer(p, k), message: `${k} ${typeof y === 'number' ? `lowered from ${x} to ${y}` : 'removed'}` });
    }
    for (const k of UPPER) {
      const x = a[k];
      const y = b[k];
      if (typeof y === 'number' && (typeof x !== 'number' || y < x)) out.push({ kind: 'constraint-narrowed', breaking: dir === 'request', pointer: childPointer(p, k), message: `${k} ${typeof x === 'number' ? `lowered from ${x} to ${y}` : `set to ${y}`}` });
      else if (typeof x === 'number' && (typeof y !== 'number' || y > x)) out.push({ kind: 'constraint-widened', breaking: false, pointer: childPointer(p, k), message: `${k} ${typeof y === 'number' ? `raised from ${x} to ${y}` : 'removed'}` });
    }
    if (typeof b.pattern === 'string' && b.pattern !== a.pattern) out.push({ kind: 'constraint-narrowed', breaking: dir === 'request', pointer: childPointer(p, 'pattern'), message: `pattern changed to ${b.pattern}` });
    const reqA = new Set(Array.isArray(a.required) ? (a.required as unknown[]).map(String) : []);
    const reqB = new Set(Array.isArray(b.required) ? (b.required as unknown[]).map(String) : []);
    const propsA = isObject(a.properties) ? a.properties : {};
    const propsB = isObject(b.properties) ? b.properties : {};
    for (const name of Object.keys(propsB)) {
      const pp = childPointer(p, 'properties', name);
      if (!(name in propsA)) {
        const required = reqB.has(name);
        out.push({ kind: 'property-added', breaking: dir === 'request' && required, pointer: pp, message: `${required ? 'required ' : ''}property \`${name}\` added` });
      } else {
        stack.push([propsA[name], propsB[name], pp]);
        if (reqB.has(name) && !reqA.has(name) && dir === 'request') out.push({ kind: 'property-required', breaking: true, pointer: pp, message: `property \`${name}\` became required` });
      }
    }
    for (const name of Object.keys(propsA)) {
      if (name in propsB) continue;
      out.push({ kind: 'property-removed', breaking: dir === 'response' && reqA.has(name), pointer: childPointer(p, 'properties', name), message: `property \`${name}\` removed` });
    }
    if (isObject(a.items) && isObject(b.items)) stack.push([a.items, b.items, childPointer(p, 'items')]);
    for (const k of ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const) {
      const la = a[k];
      const lb = b[k];
      if (Array.isArray(la) && Array.isArray(lb) && la.length === lb.length) la.forEach((s, i) => stack.push([s, lb[i], childPointer(p, k, i)]));
    }
    if (isObject(a.additionalProperties) && isObject(b.additionalProperties)) stack.push([a.additionalProperties, b.additionalProperties, childPointer(p, 'additionalProperties')]);
  }
  return out;
}

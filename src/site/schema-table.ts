import { isObject } from '../core/json.js';
import { deref } from '../project/catalog/operations.js';

type Obj = Record<string, unknown>;

/** One row of an input or output table. Nested fields are dotted: `loras[].path`. */
export interface FieldRow {
  field: string;
  /** 1 for top-level fields, 2 for their children… */
  level: number;
  type: string;
  required: boolean;
  enumValues: string[];
  /** Enum values left out of `enumValues` to keep the page small. */
  enumMore: number;
  /** JSON text of the default, or null. */
  defaultValue: string | null;
  description: string;
}

export interface SchemaTableOptions {
  /** Levels of nesting shown (1: top-level fields only). */
  maxLevel?: number;
  /** Rows at most; the rest is counted in `omitted`. */
  maxRows?: number;
  /** Enum values shown per field. */
  maxEnum?: number;
}

export interface SchemaTable {
  rows: FieldRow[];
  omitted: number;
  /** The schema's own type when it has no fields (e.g. `array of Image`), else null. */
  rootType: string | null;
}

const refName = (ref: unknown): string | null => (typeof ref === 'string' ? (ref.split('/').pop() ?? null) : null);

/** Follow `$ref`s; the last component name seen is kept for the type column. */
function resolve(doc: unknown, schema: unknown): { s: Obj | undefined; name: string | null } {
  const name = isObject(schema) ? refName(schema.$ref) : null;
  return { s: deref(doc, schema), name };
}

/** The variants of `anyOf`/`oneOf`, nulls dropped (they make the field nullable). */
function variants(doc: unknown, s: Obj): { parts: Obj[]; names: Array<string | null>; nullable: boolean } {
  const list = Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : [];
  const parts: Obj[] = [];
  const names: Array<string | null> = [];
  let nullable = false;
  for (const v of list) {
    const r = resolve(doc, v);
    if (!r.s) continue;
    if (r.s.type === 'null' || (Array.isArray(r.s.type) && r.s.type.length === 1 && r.s.type[0] === 'null')) {
      nullable = true;
      continue;
    }
    parts.push(r.s);
    names.push(r.name);
  }
  return { parts, names, nullable };
}

/** A short type text: `string (uri)`, `integer`, `array of Image`, `ImageSize | string`, `object`. */
export function typeText(doc: unknown, schema: unknown, depth = 0): string {
  const { s, name } = resolve(doc, schema);
  if (!s) return 'any';
  if (depth > 4) return name ?? 'object';
  if (Array.isArray(s.anyOf) || Array.isArray(s.oneOf)) {
    const v = variants(doc, s);
    const texts = [...new Set(v.parts.map((p, i) => v.names[i] ?? typeText(doc, p, depth + 1)))];
    if (texts.length === 0) return v.nullable ? 'null' : 'any';
    return texts.join(' | ') + (v.nullable ? ' | null' : '');
  }
  if (Array.isArray(s.allOf) && s.allOf.length === 1) return name ?? typeText(doc, s.allOf[0], depth + 1);
  let types = Array.isArray(s.type) ? s.type.filter((t): t is string => typeof t === 'string') : typeof s.type === 'string' ? [s.type] : [];
  const nullable = types.includes('null') || s.nullable === true;
  types = types.filter((t) => t !== 'null');
  let base: string;
  if (types.includes('array') || (types.length === 0 && s.items !== undefined))
    base = `array of ${s.items === undefined ? 'any' : typeText(doc, s.items, depth + 1)}`;
  else if (types.length > 0) {
    base = types.join(' | ');
    if (typeof s.format === 'string') base += ` (${s.format})`;
    if (name && (types.includes('object') || s.enum !== undefined)) base = name;
  } else if (s.properties !== undefined || s.allOf !== undefined) base = name ?? 'object';
  else if (s.const !== undefined) base = `const ${JSON.stringify(s.const)}`;
  else if (s.enum !== undefined) base = name ?? 'enum';
  else base = name ?? 'any';
  return nullable ? `${base} | null` : base;
}

/** Properties and required names of an object schema, `allOf` parts merged in. */
function objectShape(doc: unknown, s: Obj, seen: Set<Obj> = new Set()): { props: Map<string, unknown>; required: Set<string> } {
  const props = new Map<string, unknown>();
  const required = new Set<string>();
  if (seen.has(s)) return { props, required };
  seen.add(s);
  for (const part of Array.isArray(s.allOf) ? s.allOf : []) {
    const r = deref(doc, part);
    if (!r) continue;
    const sub = objectShape(doc, r, seen);
    for (const [k, v] of sub.props) if (!props.has(k)) props.set(k, v);
    for (const k of sub.required) required.add(k);
  }
  // A field the schema itself declares wins over the same field of an allOf part, in the part's position.
  if (isObject(s.properties)) for (const [k, v] of Object.entries(s.properties)) props.set(k, v);
  if (Array.isArray(s.required)) for (const k of s.required) if (typeof k === 'string') required.add(k);
  return { props, required };
}

/** The object schema to descend into for nested rows: itself, its array items, or its one non-null variant. */
function nestedObject(doc: unknown, schema: unknown): { s: Obj; suffix: string } | undefined {
  let { s } = resolve(doc, schema);
  let suffix = '';
  for (let i = 0; i < 4 && s; i++) {
    if (Array.isArray(s.anyOf) || Array.isArray(s.oneOf)) {
      const v = variants(doc, s);
      if (v.parts.length !== 1) return undefined;
      s = v.parts[0];
      continue;
    }
    if (s.items !== undefined) {
      s = deref(doc, s.items);
      suffix += '[]';
      continue;
    }
    break;
  }
  if (!s) return undefined;
  return isObject(s.properties) || Array.isArray(s.allOf) ? { s, suffix } : undefined;
}

function enumOf(doc: unknown, s: Obj): unknown[] {
  if (Array.isArray(s.enum)) return s.enum.filter((v) => v !== null);
  if (Array.isArray(s.anyOf) || Array.isArray(s.oneOf)) {
    const out: unknown[] = [];
    for (const p of variants(doc, s).parts) {
      if (Array.isArray(p.enum)) out.push(...p.enum.filter((v) => v !== null));
      else if (p.const !== undefined) out.push(p.const);
    }
    return out;
  }
  if (s.items !== undefined) {
    const it = deref(doc, s.items);
    if (it && Array.isArray(it.enum)) return it.enum;
  }
  return [];
}

const valueText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * The fields of a schema as table rows, nested objects (and arrays of
 * objects) expanded to `maxLevel` levels, `$ref`s followed and recursion cut.
 * Linear in the fields shown: every row is visited once, and the output stops
 * at `maxRows`.
 */
export function schemaTable(doc: unknown, schema: unknown, options: SchemaTableOptions = {}): SchemaTable {
  const maxLevel = options.maxLevel ?? 3;
  const maxRows = options.maxRows ?? 250;
  const maxEnum = options.maxEnum ?? 40;
  const rows: FieldRow[] = [];
  let omitted = 0;
  const top = nestedObject(doc, schema);
  if (top?.suffix !== '') return { rows, omitted, rootType: schema === undefined ? null : typeText(doc, schema) };

  const walk = (s: Obj, prefix: string, level: number, stack: Set<Obj>): void => {
    const { props, required } = objectShape(doc, s);
    for (const [name, raw] of props) {
      if (rows.length >= maxRows) {
        omitted++;
        continue;
      }
      const { s: p } = resolve(doc, raw);
      const own = isObject(raw) ? raw : {};
      const def = own.default !== undefined ? own.default : p?.default;
      const values = p ? enumOf(doc, p) : [];
      const description =
        typeof own.description === 'string'
          ? own.description
          : typeof p?.description === 'string'
            ? p.description
            : typeof p?.title === 'string'
              ? p.title
              : '';
      rows.push({
        field: prefix + name,
        level,
        type: typeText(doc, raw),
        required: required.has(name),
        enumValues: values.slice(0, maxEnum).map(valueText),
        enumMore: Math.max(0, values.length - maxEnum),
        defaultValue: def === undefined ? null : JSON.stringify(def),
        description: description.trim(),
      });
      if (level >= maxLevel) continue;
      const child = nestedObject(doc, raw);
      if (child && !stack.has(child.s)) {
        stack.add(child.s);
        walk(child.s, `${prefix}${name}${child.suffix}.`, level + 1, stack);
        stack.delete(child.s);
      }
    }
  };
  walk(top.s, '', 1, new Set([top.s]));
  return { rows, omitted, rootType: null };
}

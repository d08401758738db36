import { pointer, parsePointer } from '../core/pointer.js';
import { fieldType, typeAtPath, type FieldType, type NodeType } from './oas-types.js';
import { deref, resolveRef, type Resolved } from './refs/resolve.js';
import type { DocumentSet, OasVersion, SourceFile } from './types.js';

export type Segment = string | number;

export interface WalkContext {
  set: DocumentSet;
  file: SourceFile;
  /** Path from the file's root to the current node (mutated as the walk goes: copy it to keep it). */
  segments: readonly Segment[];
  /**
   * Where the node sits in the description: its path in the root document, or,
   * for a node reached through a `$ref` to another file or an untyped place,
   * the path of the first reference to it.
   */
  logical: readonly Segment[];
  /** `logical[i]` without building the list (rules that look at where a node sits do so on every node of a type). */
  logicalAt(i: number): Segment | undefined;
  /** `logical.length`, without building the list. */
  readonly logicalLength: number;
  /** Follow Reference Objects from a value found at `at` in `file` (default: the current node's file). */
  resolve(value: unknown, at?: string, file?: SourceFile): Resolved | undefined;
}

export type NodeVisitor = (node: Record<string, unknown>, ctx: WalkContext) => void;

/**
 * What a rule looks at. Rules are small factories returning visitors; the walker
 * calls every rule's visitors in one pass over the description.
 */
export type Visitor = { [K in NodeType]?: NodeVisitor } & {
  /**
   * An object with a string `$ref` (a Reference Object, or a JSON Schema `$ref`); `type` is
   * the kind of object its place holds, undefined in an untyped place (an extension, a map).
   */
  Ref?(ref: string, node: Record<string, unknown>, ctx: WalkContext, type: NodeType | undefined): void;
  /** After the whole description was walked: for rules that compare across it. */
  done?(): void;
};

/** Keys whose values are literal data (never OpenAPI structure), unless they name a property. */
const LITERAL_KEYS = new Set(['example', 'default', 'enum', 'const']);
/** Keys whose children are names chosen by the author (a property may be called `example`). */
const NAME_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

/**
 * How an untyped walk reads the children of an object: as fields (`PLAIN`), as names chosen by the
 * author (`NAMES`: the children of `properties`, … ; a property may be called `example`), or as
 * Example Objects named by the author (`EXAMPLES`: an `examples` map, whose members' `value` is
 * literal data). Each object passes its mode to its children, as the `from` of childMode.
 */
export const PLAIN = 0;
const NAMES = 1;
const EXAMPLES = 2;
export type ChildMode = typeof PLAIN | typeof NAMES | typeof EXAMPLES;

/**
 * The mode of the object at `parentKey`, whose parent's mode was `from`. An object named by the
 * author (a property called `examples` or `properties`, an example called `properties`) is a
 * Schema or an Example Object: its children are fields, whatever its name.
 */
export function childMode(parentKey: Segment | undefined, from: ChildMode): ChildMode {
  if (from !== PLAIN || typeof parentKey !== 'string') return PLAIN;
  if (NAME_MAPS.has(parentKey)) return NAMES;
  return parentKey === 'examples' ? EXAMPLES : PLAIN;
}

/**
 * Whether an untyped walk skips `obj[key]`, where `mode` is the object's own mode and `from` its
 * parent's: literal data (`example`, `default`, `enum`, `const`, JSON Schema `examples` arrays, an
 * Example Object's `value`); never a child named by the author.
 */
export function skipsChild(mode: ChildMode, from: ChildMode, key: string, value: unknown): boolean {
  if (mode !== PLAIN) return false;
  if (LITERAL_KEYS.has(key)) return true;
  if (from === EXAMPLES && key === 'value') return true;
  return key === 'examples' && Array.isArray(value);
}

/** What the walk learnt about the description's references, for the structural check. */
export interface WalkInfo {
  /**
   * A `$ref` the structural check must see through: to another file, in place
   * of an Operation or a `properties` map, or standing for a scalar.
   */
  needsInlining: boolean;
  /** Files a `$ref` named that the loader did not load (it missed a ref: reload). */
  unloaded: Set<string>;
}

/**
 * One depth-first pass over a description with every visitor: the root file by
 * position (each node typed from the root down), then the targets of `$ref`s
 * that lie in other files or in untyped places, each once, typed by the place
 * that refers to them. Cycles end because each target is walked once.
 */
export function walkSet(set: DocumentSet, visitors: readonly Visitor[]): WalkInfo {
  const types = typeTable(visitors, set.version);
  const refVisitors = visitors.filter((v) => v.Ref !== undefined);
  const version = set.version;
  const info: WalkInfo = { needsInlining: false, unloaded: new Set() };
  /** Targets of `$ref`s to walk after the root: `value` is the resolved node, at `segments` in `file`. */
  const queue: Array<{ file: SourceFile; segments: Segment[]; value: object; logical: Segment[]; shape: Shape }> = [];
  const queued = new Set<string>();
  const inPlace = new Map<string, boolean>();

  let file: SourceFile = set.root;
  let logicalBase: Segment[] = [];
  let physicalBase = 0;
  const segments: Segment[] = [];
  const ctx: WalkContext = {
    set,
    file,
    segments,
    get logical(): Segment[] {
      return logicalBase.concat(segments.slice(physicalBase));
    },
    logicalAt: (i) => (i < logicalBase.length ? logicalBase[i] : segments[physicalBase + i - logicalBase.length]),
    get logicalLength(): number {
      return logicalBase.length + segments.length - physicalBase;
    },
    resolve: (value, at, inFile) => deref(set, value, inFile ?? ctx.file, at ?? pointer(...segments)),
  };

  const followRef = (ref: string, shape: Shape): void => {
    const r = resolveRef(set, file, ref);
    if (r === undefined) return;
    if (!r.ok) {
      const hash = ref.indexOf('#');
      const target = hash === -1 ? ref : ref.slice(0, hash);
      if (target !== '' && r.reason === 'file was not loaded') info.unloaded.add(target);
      return;
    }
    const external = r.file !== file;
    if (external) info.needsInlining = true;
    if (r.value === null || typeof r.value !== 'object') {
      info.needsInlining = true;
      return;
    }
    // The pointer parses: resolveRef found `r.value` with it.
    let segs: string[] | undefined;
    if (r.file === set.root) {
      let typed = inPlace.get(r.pointer);
      if (typed === undefined) {
        segs = parsePointer(r.pointer);
        typed = typeAtPath(segs, version) !== undefined;
        inPlace.set(r.pointer, typed);
      }
      if (typed) return; // walked where it is
    }
    const key = `${r.file.path}#${r.pointer}`;
    if (queued.has(key)) return;
    queued.add(key);
    queue.push({ file: r.file, segments: segs ?? parsePointer(r.pointer), value: r.value, logical: ctx.logical as Segment[], shape });
  };

  /** A node whose place gives it no type (an extension, an unknown field): only `$ref`s matter; literal data is skipped. */
  const visitUntyped = (obj: Record<string, unknown>, parentKey: Segment | undefined, from: ChildMode): void => {
    const mode = childMode(parentKey, from);
    for (const key in obj) {
      const value = obj[key];
      if (value === null || typeof value !== 'object' || skipsChild(mode, from, key, value)) continue;
      segments.push(key);
      visit(value, undefined, key, mode);
      segments.pop();
    }
  };

  /** A node of a known OpenAPI type: its visitors, then each field by the type's table. */
  const visitTyped = (obj: Record<string, unknown>, t: TypeRecord): void => {
    const fns = t.fns;
    if (fns.length > 0) {
      ctx.file = file;
      for (let i = 0; i < fns.length; i++) fns[i]!(obj, ctx);
    }
    for (const key in obj) {
      const value = obj[key];
      if (value === null || typeof value !== 'object' || key === '$ref') continue;
      const s = t.field(key);
      if (s !== undefined && s.kind === DATA) continue;
      segments.push(key);
      visit(value, s, key, PLAIN);
      segments.pop();
    }
  };

  const visit = (node: object, f: Shape | undefined, parentKey: Segment | undefined, from: ChildMode): void => {
    if (Array.isArray(node)) {
      // A list of X, or 2.0/3.0 array-form `items`; anything else is walked untyped (the structural check reports it).
      const itemShape = f === undefined ? undefined : f.kind === LIST || f.kind === SCHEMA_OR_LIST ? f.itemShape : undefined;
      for (let i = 0; i < node.length; i++) {
        const value: unknown = node[i];
        if (value === null || typeof value !== 'object') continue;
        segments.push(i);
        visit(value, itemShape, i, PLAIN);
        segments.pop();
      }
      return;
    }
    const obj = node as Record<string, unknown>;
    if (f === undefined) {
      if (refVisitors.length > 0) {
        const ref = obj.$ref;
        if (typeof ref === 'string') {
          ctx.file = file;
          for (let i = 0; i < refVisitors.length; i++) refVisitors[i]!.Ref!(ref, obj, ctx, undefined);
        }
      }
      return visitUntyped(obj, parentKey, from);
    }
    const nodeType = f.kind === NODE || f.kind === SCHEMA_OR_LIST ? f.item : undefined;
    const ref = obj.$ref;
    if (typeof ref === 'string') {
      ctx.file = file;
      for (let i = 0; i < refVisitors.length; i++) refVisitors[i]!.Ref!(ref, obj, ctx, nodeType?.name);
      if (nodeType?.name === 'Operation' || (f.kind === MAP && (parentKey === 'properties' || parentKey === 'patternProperties'))) info.needsInlining = true;
      followRef(ref, f);
      // A Reference Object stands for its target; a Schema Object with `$ref` may have sibling keywords.
      if (nodeType === undefined || !nodeType.schema) return;
    }
    if (nodeType !== undefined) return visitTyped(obj, nodeType);
    if (f.kind === DATA) return;
    // A map or list of X (a list given as an object is walked by its keys, as a map).
    const itemShape = f.itemShape;
    for (const key in obj) {
      if (key === '$ref' && typeof ref === 'string') continue;
      const value = obj[key];
      if (value === null || typeof value !== 'object') continue;
      segments.push(key);
      visit(value, itemShape, key, PLAIN);
      segments.pop();
    }
  };

  const start = (node: unknown, shape: Shape | undefined, parentKey: Segment | undefined): void => {
    if (node !== null && typeof node === 'object') visit(node, shape, parentKey, PLAIN);
  };
  ctx.file = file;
  start(set.root.data, types.shape('Root'), undefined);
  while (queue.length > 0) {
    const job = queue.shift()!;
    file = job.file;
    ctx.file = file;
    segments.length = 0;
    segments.push(...job.segments);
    physicalBase = job.segments.length;
    logicalBase = job.logical;
    start(job.value, job.shape, job.segments[job.segments.length - 1]);
  }
  for (const v of visitors) v.done?.();
  return info;
}

const NODE = 0;
const MAP = 1;
const LIST = 2;
const DATA = 3;
const SCHEMA_OR_LIST = 4;
/** A field type, parsed once per walk: node, map or list of a node type, literal data. */
interface Shape {
  kind: typeof NODE | typeof MAP | typeof LIST | typeof DATA | typeof SCHEMA_OR_LIST;
  /** The node type (NODE, SCHEMA_OR_LIST) or the type of the items (MAP, LIST). */
  item: TypeRecord | undefined;
  /** The shape of an item of a MAP, LIST or SCHEMA_OR_LIST: a node of `item`. */
  itemShape: Shape | undefined;
}
/** One node type in one walk: the visitors of that type, and its fields' shapes (memoized per key). */
interface TypeRecord {
  name: NodeType;
  schema: boolean;
  fns: NodeVisitor[];
  field(key: string): Shape | undefined;
}

/**
 * The walk's tables, built once per walk: for each node type its visitors and a
 * prototype-less memo of its fields' shapes, so that the loop does no Map lookup
 * or string building per node.
 */
function typeTable(visitors: readonly Visitor[], version: OasVersion): { shape(t: FieldType): Shape } {
  const records = new Map<NodeType, TypeRecord>();
  const shapes = new Map<FieldType, Shape>();
  const recordOf = (name: NodeType): TypeRecord => {
    let r = records.get(name);
    if (r) return r;
    const fns: NodeVisitor[] = [];
    for (const v of visitors) {
      const fn = v[name];
      if (typeof fn === 'function') fns.push(fn);
    }
    const memo = Object.create(null) as Record<string, Shape | null>;
    let size = 0;
    r = {
      name,
      schema: name === 'Schema',
      fns,
      field: (key) => {
        const known = memo[key];
        if (known !== undefined) return known ?? undefined;
        const t = fieldType(name, key, version);
        const s = t === undefined ? undefined : shape(t);
        if (size++ < 10_000) memo[key] = s ?? null;
        return s;
      },
    };
    records.set(name, r);
    return r;
  };
  const shape = (t: FieldType): Shape => {
    let s = shapes.get(t);
    if (s) return s;
    if (t === 'Data') s = { kind: DATA, item: undefined, itemShape: undefined };
    else if (t === 'SchemaOrList') s = { kind: SCHEMA_OR_LIST, item: recordOf('Schema'), itemShape: shape('Schema') };
    else if (t.startsWith('Map:')) s = { kind: MAP, item: recordOf(t.slice(4) as NodeType), itemShape: shape(t.slice(4) as NodeType) };
    else if (t.startsWith('List:')) s = { kind: LIST, item: recordOf(t.slice(5) as NodeType), itemShape: shape(t.slice(5) as NodeType) };
    else s = { kind: NODE, item: recordOf(t as NodeType), itemShape: undefined };
    shapes.set(t, s);
    return s;
  };
  return { shape };
}

/** One untyped depth-first pass over one file, calling `Ref` visitors (the loader's fallback). */
export function walkRefs(file: SourceFile, onRef: (ref: string) => void): void {
  const visit = (node: unknown, parentKey: Segment | undefined, from: ChildMode): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) visit(node[i], i, PLAIN);
      return;
    }
    const obj = node as Record<string, unknown>;
    if (typeof obj.$ref === 'string') onRef(obj.$ref);
    const mode = childMode(parentKey, from);
    for (const key of Object.keys(obj)) {
      const value = obj[key];
      if (value === null || typeof value !== 'object' || skipsChild(mode, from, key, value)) continue;
      visit(value, key, mode);
    }
  };
  visit(file.data, undefined, PLAIN);
}

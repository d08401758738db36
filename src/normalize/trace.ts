import { cmp } from '../core/diagnostic.js';
import { canonicalJson, isObject } from '../core/json.js';
import { parsePointer, pointer as makePointer, resolvePointer } from '../core/pointer.js';
import type { BuildReport } from './build.js';
import { forEachRef, HTTP_METHODS } from './schema-walk.js';
import { localTarget } from './component-ref.js';
import type { Obj } from './types.js';

/** The `x-hub-source` of an operation: which provider document it came from. */
export interface HubSource {
  provider: string;
  file?: string;
  endpointId?: string;
  role?: string;
  sha256?: string;
  /** The provider's own path, when a prefix policy changed it. */
  path?: string;
}

export interface TraceResult {
  pointer: string;
  /** What the pointer lies in. `document`: something the hub writes itself (info, servers, tags). */
  kind: 'operation' | 'path' | 'component' | 'document' | 'missing';
  /** Pointer of the operation, path item or component the pointer lies in. */
  owner?: string;
  /** The provider documents it came from, sorted; for a component, those of every operation that uses it. */
  sources: HubSource[];
  /** For a component: what the build report says about its name. */
  note?: string;
  /**
   * Where the pointer lies inside each provider document (by file): the
   * provider's own path (before a prefix policy) and component name (before a
   * rename). `trace-file.ts` turns them into line:column.
   */
  targets?: Array<{ file: string; pointer: string; line?: number; column?: number }>;
}

interface Index {
  /** `section/name` -> pointers of operations and components that reference it. */
  referrers: Map<string, Set<string>>;
  /** Operation pointer -> its x-hub-source. */
  operations: Map<string, HubSource | undefined>;
  /** Security scheme name -> operation pointers that require it. */
  security: Map<string, Set<string>>;
}

const indexes = new WeakMap<Obj, Index>();

/**
 * Trace a JSON pointer into the unified document back to the provider
 * documents it came from: the `x-hub-source` of the operation containing it,
 * or, for a component, of every operation that reaches it (through other
 * components too), plus what the build report says of its name (renamed from,
 * shared by). The reverse-reference index is built once per document, in one
 * pass, so tracing many diagnostics stays linear.
 */
export function traceToSource(document: Obj, pointer: string, report?: Pick<BuildReport, 'renames' | 'shared'>): TraceResult {
  let segs: string[];
  try {
    segs = parsePointer(pointer);
  } catch {
    return { pointer, kind: 'missing', sources: [] };
  }
  // A pointer to nothing is an error, wherever it points.
  if (resolvePointer(document, pointer) === undefined) return { pointer, kind: 'missing', sources: [] };
  const index = indexOf(document);
  const paths = isObject(document.paths) ? document.paths : {};
  if (segs[0] === 'paths' && segs.length >= 2) {
    const item = paths[segs[1]!];
    if (!isObject(item)) return { pointer, kind: 'missing', sources: [] };
    const method = segs[2];
    if (method !== undefined && (HTTP_METHODS as readonly string[]).includes(method) && isObject(item[method])) {
      const owner = makePointer('paths', segs[1]!, method);
      const sources = distinct([index.operations.get(owner)]);
      return { pointer, kind: 'operation', owner, sources, targets: targets(sources, (s) => makePointer('paths', s.path ?? segs[1]!, ...segs.slice(2))) };
    }
    const owner = makePointer('paths', segs[1]!);
    const sources = distinct(HTTP_METHODS.map((m) => index.operations.get(makePointer('paths', segs[1]!, m))));
    return { pointer, kind: 'path', owner, sources, targets: targets(sources, (s) => makePointer('paths', s.path ?? segs[1]!, ...segs.slice(2))) };
  }
  if (segs[0] === 'components' && segs.length >= 3) {
    const [, section, name] = segs as [string, string, string];
    const comps = isObject(document.components) ? document.components : {};
    if (!isObject(comps[section]) || !(name in (comps[section] as Obj))) return { pointer, kind: 'missing', sources: [] };
    const owner = makePointer('components', section, name);
    const ops = section === 'securitySchemes' ? [...(index.security.get(name) ?? [])] : operationsReaching(index, `${section}/${name}`);
    const sources = distinct(ops.map((o) => index.operations.get(o)));
    const renamed = report?.renames.find((r) => r.section === section && r.to === name);
    return {
      pointer,
      kind: 'component',
      owner,
      sources,
      ...noteFor(report, section, name),
      targets: targets(sources, () => makePointer('components', section, renamed?.from ?? name, ...segs.slice(3))),
    };
  }
  return { pointer, kind: 'document', sources: [] };
}

/** One target per provider file: the pointer inside it. */
function targets(sources: readonly HubSource[], inside: (s: HubSource) => string): Array<{ file: string; pointer: string }> {
  const out = new Map<string, string>();
  for (const s of sources) if (s.file && !out.has(s.file)) out.set(s.file, inside(s));
  return [...out].map(([file, pointer]) => ({ file, pointer }));
}

function noteFor(report: Pick<BuildReport, 'renames' | 'shared'> | undefined, section: string, name: string): { note?: string } {
  if (!report) return {};
  const rename = report.renames.find((r) => r.section === section && r.to === name);
  if (rename) return { note: `renamed from ${rename.from}: a different ${rename.from} exists; this one is ${rename.sources.join(', ')}'s` };
  const shared = report.shared.find((s) => s.section === section && s.name === name);
  if (shared) return { note: `shared: structurally identical in ${shared.sources} provider documents` };
  return {};
}

/** Operations that reach `section/name`, following references backwards through components. */
function operationsReaching(index: Index, start: string): string[] {
  const seen = new Set<string>([start]);
  const queue = [start];
  const ops: string[] = [];
  while (queue.length > 0) {
    for (const from of index.referrers.get(queue.pop()!) ?? []) {
      if (seen.has(from)) continue;
      seen.add(from);
      if (from.startsWith('/paths/')) ops.push(from);
      else queue.push(from);
    }
  }
  return ops.sort(cmp);
}

function indexOf(document: Obj): Index {
  const cached = indexes.get(document);
  if (cached) return cached;
  const index: Index = { referrers: new Map(), operations: new Map(), security: new Map() };
  const add = (map: Map<string, Set<string>>, key: string, from: string) => {
    const set = map.get(key);
    if (set) set.add(from);
    else map.set(key, new Set([from]));
  };
  const refsOf = (node: unknown, from: string) =>
    forEachRef(node, (ref) => {
      // A ref into a component (`#/components/schemas/A/properties/b`) is a use of that component.
      const t = localTarget(ref);
      if (t) add(index.referrers, `${t.section}/${t.name}`, from);
    });
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const m of HTTP_METHODS) {
      const op = item[m];
      if (!isObject(op)) continue;
      const ptr = makePointer('paths', path, m);
      const src = op['x-hub-source'];
      index.operations.set(ptr, isObject(src) && typeof src.provider === 'string' ? (src as unknown as HubSource) : undefined);
      refsOf(op, ptr);
      refsOf(item.parameters, ptr);
      if (Array.isArray(op.security)) for (const req of op.security) if (isObject(req)) for (const k of Object.keys(req)) add(index.security, k, ptr);
    }
  }
  const comps = isObject(document.components) ? document.components : {};
  for (const [section, sec] of Object.entries(comps)) {
    if (!isObject(sec)) continue;
    for (const [name, value] of Object.entries(sec)) refsOf(value, `${section}/${name}`);
  }
  indexes.set(document, index);
  return index;
}

function distinct(list: ReadonlyArray<HubSource | undefined>): HubSource[] {
  const seen = new Map<string, HubSource>();
  for (const s of list) if (s) seen.set(canonicalJson(s), s);
  return [...seen.entries()].sort(([a], [b]) => cmp(a, b)).map(([, s]) => s);
}

import { cmp } from '../core/diagnostic.js';
import { isObject } from '../core/json.js';
import { pointer } from '../core/pointer.js';
import { forEachRef, HTTP_METHODS } from './schema-walk.js';
import { localTarget } from './component-ref.js';
import { type Entry, entryKey, structuralIdentities } from './merge-identity.js';
import { pascalFromId } from '../core/naming.js';
import type { BuildFinding, Obj, SourceDocument } from './types.js';

/** Component sections whose entries are merged and namespaced ($ref targets). */
const SECTIONS = ['schemas', 'responses', 'parameters', 'examples', 'requestBodies', 'headers', 'links', 'callbacks', 'pathItems'] as const;

export interface Rename {
  section: string;
  from: string;
  to: string;
  sources: string[];
}

export interface SharedComponent {
  section: string;
  name: string;
  sources: number;
}

export interface MergeResult {
  paths: Obj;
  components: Record<string, Obj>;
  renames: Rename[];
  shared: SharedComponent[];
  pruned: number;
  findings: BuildFinding[];
}

/** The schema name a discriminator mapping value names: `#/components/schemas/Dog` or a bare `Dog`. */
function mappingTarget(value: string): string | undefined {
  const t = localTarget(value);
  if (t) return t.section === 'schemas' && t.rest === '' ? t.name : undefined;
  return /^[A-Za-z0-9._-]+$/.test(value) ? value : undefined;
}

/**
 * Merge normalized documents into one set of paths and components.
 *
 * - Structurally identical components (same content, references to identical
 *   components) become one: FAL's `QueueStatus` is defined once.
 * - A name with different definitions keeps its plain name for the variant most
 *   documents use; each other variant is prefixed with the Pascal-cased id of
 *   the first source using it (`FalAiWanAti_TrackPoint`). Deterministic: it only
 *   depends on the inputs, not their order.
 * - References are rewritten; a path or operationId defined twice is an error
 *   naming both sources, never an overwrite; unreachable components are dropped.
 */
export function mergeDocuments(sources: readonly SourceDocument[]): MergeResult {
  const entries = componentEntries(sources);
  // 1. Structural identities of the names defined more than once.
  const identities = structuralIdentities(entries);
  // 2. Final names.
  const { finalName, renames, shared } = finalNames(groupByIdentity(entries, identities), sources);
  // 3. Rewrite references, then collect paths and components.
  const { paths, components, findings } = collectSources(sources, entries, finalName);
  // 4. Keep only what the paths reach.
  const pruned = pruneUnreachable(paths, components);
  // Report renames and sharing only of what is left.
  const kept = <T extends { section: string }>(list: T[], name: (x: T) => string) => list.filter((x) => components[x.section]?.[name(x)] !== undefined);
  const keptRenames = kept(renames, (r) => r.to).sort((a, b) => cmp(a.section, b.section) || cmp(a.from, b.from) || cmp(a.to, b.to));
  return { paths, components, renames: keptRenames, shared: kept(shared, (x) => x.name), pruned, findings };
}

/** Every component of every source, by entry key, in source order. */
function componentEntries(sources: readonly SourceDocument[]): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  sources.forEach((src, doc) => {
    const comps = src.doc.components;
    if (!isObject(comps)) return;
    for (const section of SECTIONS) {
      const sec = comps[section];
      if (!isObject(sec)) continue;
      for (const [name, value] of Object.entries(sec)) entries.set(entryKey(doc, section, name), { doc, section, name, value });
    }
  });
  return entries;
}

/** section/name -> identity -> the entries of that name with that structure ('unique' for a name defined once). */
function groupByIdentity(entries: ReadonlyMap<string, Entry>, identities: ReadonlyMap<string, string>): Map<string, Map<string, Entry[]>> {
  const groups = new Map<string, Map<string, Entry[]>>();
  for (const [k, e] of entries) {
    const g = `${e.section}/${e.name}`;
    let byIdentity = groups.get(g);
    if (!byIdentity) groups.set(g, (byIdentity = new Map()));
    const h = identities.get(k) ?? 'unique';
    const list = byIdentity.get(h);
    if (list) list.push(e);
    else byIdentity.set(h, [e]);
  }
  return groups;
}

interface FinalNames {
  /** Entry key -> the component's name in the merged document. */
  finalName: Map<string, string>;
  renames: Rename[];
  shared: SharedComponent[];
}

/**
 * The merged name of every entry: per section/name (in code-point order), the variant most sources
 * use keeps the name, each other one takes the Pascal-cased id of its first source as prefix
 * (`_2`, `_3`… when that is taken too).
 */
function finalNames(groups: ReadonlyMap<string, Map<string, Entry[]>>, sources: readonly SourceDocument[]): FinalNames {
  const out: FinalNames = { finalName: new Map(), renames: [], shared: [] };
  const taken = new Map<string, Set<string>>(); // section -> names
  const sourceIdsOf = (list: Entry[]) => [...new Set(list.map((e) => sources[e.doc]!.sourceId))].sort(cmp);
  for (const g of [...groups.keys()].sort(cmp)) {
    const byIdentity = groups.get(g)!;
    const [section, ...rest] = g.split('/');
    const name = rest.join('/');
    const sec = section!;
    const names = taken.get(sec) ?? new Set<string>();
    taken.set(sec, names);
    const variants = [...byIdentity.entries()].map(([h, list]) => ({ h, list, ids: sourceIdsOf(list) }));
    variants.sort((a, b) => b.ids.length - a.ids.length || cmp(a.ids[0]!, b.ids[0]!));
    variants.forEach((v, i) => {
      let n = i === 0 ? name : `${pascalFromId(v.ids[0]!)}_${name}`;
      let suffix = 2;
      const stem = n;
      while (names.has(n)) n = `${stem}_${suffix++}`;
      names.add(n);
      for (const e of v.list) out.finalName.set(entryKey(e.doc, e.section, e.name), n);
      if (n !== name) out.renames.push({ section: sec, from: name, to: n, sources: v.ids });
      if (v.ids.length > 1) out.shared.push({ section: sec, name: n, sources: v.ids.length });
    });
  }
  return out;
}

/** What the sources add up to before pruning, and the conflicts found on the way. */
interface Collected {
  paths: Obj;
  components: Record<string, Obj>;
  findings: BuildFinding[];
  /** Path -> the source that defined it first (as `where` says it). */
  pathSource: Map<string, string>;
  /** OperationId -> the source that used it first. */
  opIdSource: Map<string, string>;
}

/** Each source in turn: its references rewritten to the final names, its paths and components collected. */
function collectSources(sources: readonly SourceDocument[], entries: ReadonlyMap<string, Entry>, finalName: ReadonlyMap<string, string>): Collected {
  const out: Collected = { paths: {}, components: {}, findings: [], pathSource: new Map(), opIdSource: new Map() };
  // Only documents with a renamed component have references to rewrite.
  const renamedIn = new Set<number>();
  for (const [k, n] of finalName) {
    const e = entries.get(k)!;
    if (n !== e.name) renamedIn.add(e.doc);
  }
  sources.forEach((src, doc) => {
    if (renamedIn.has(doc)) rewriteRefs(src.doc, doc, finalName);
    collectPaths(src, out);
    collectComponents(src.doc, doc, finalName, out.components);
  });
  return out;
}

/** Point the references (and discriminator mappings) of source `doc` at the final names of their targets. */
function rewriteRefs(root: Obj, doc: number, finalName: ReadonlyMap<string, string>): void {
  forEachRef(
    root,
    (ref, holder) => {
      const t = localTarget(ref);
      if (!t) return;
      const n = finalName.get(entryKey(doc, t.section, t.name));
      if (n !== undefined && n !== t.name) holder.$ref = '#' + pointer('components', t.section, n) + t.rest;
    },
    (mapping) => {
      // Discriminator mapping values are schema names or references to schemas.
      for (const [value, target] of Object.entries(mapping)) {
        if (typeof target !== 'string') continue;
        const t = mappingTarget(target);
        const n = t ? finalName.get(entryKey(doc, 'schemas', t)) : undefined;
        if (n !== undefined && n !== t) mapping[value] = target.startsWith('#') ? '#' + pointer('components', 'schemas', n) : n;
      }
    },
  );
}

/** Add the paths of `src`; a path or operationId an earlier source has is a conflict (the first one stays). */
function collectPaths(src: SourceDocument, out: Collected): void {
  if (!isObject(src.doc.paths)) return;
  const where = `${src.provider}:${src.sourceId} (${src.file})`;
  const conflict = (ruleId: string, message: string, at: string) =>
    out.findings.push({ ruleId, severity: 'error', message, provider: src.provider, sourceId: src.sourceId, file: src.file, pointer: at });
  for (const [path, item] of Object.entries(src.doc.paths)) {
    const prev = out.pathSource.get(path);
    if (prev !== undefined) {
      conflict('path-conflict', `path ${path} is defined by both ${prev} and ${where}`, pointer('paths', path));
      continue;
    }
    out.pathSource.set(path, where);
    out.paths[path] = item;
    if (!isObject(item)) continue;
    for (const m of HTTP_METHODS) {
      const op = item[m];
      if (!isObject(op) || typeof op.operationId !== 'string') continue;
      const prevOp = out.opIdSource.get(op.operationId);
      if (prevOp !== undefined) {
        conflict('operation-id-conflict', `operationId ${op.operationId} is used by both ${prevOp} and ${where}`, pointer('paths', path, m, 'operationId'));
      } else out.opIdSource.set(op.operationId, where);
    }
  }
}

/** Add the components of source `doc` under their final names (the first of a name stays). */
function collectComponents(root: Obj, doc: number, finalName: ReadonlyMap<string, string>, components: Record<string, Obj>): void {
  const comps = root.components;
  if (!isObject(comps)) return;
  for (const section of SECTIONS) {
    const sec = comps[section];
    if (!isObject(sec)) continue;
    const out = (components[section] ??= {});
    for (const [name, value] of Object.entries(sec)) {
      const n = finalName.get(entryKey(doc, section, name))!;
      if (!(n in out)) out[n] = value;
    }
  }
}

/** Remove components no path reaches (directly or through other components). Returns how many. */
export function pruneUnreachable(paths: Obj, components: Record<string, Obj>): number {
  const reached = new Set<string>();
  const queue: unknown[] = [paths];
  const reach = (section: string, name: string) => {
    const k = `${section}/${name}`;
    if (reached.has(k)) return;
    reached.add(k);
    const target = components[section]?.[name];
    if (target !== undefined) queue.push(target);
  };
  while (queue.length > 0) {
    forEachRef(
      queue.pop(),
      (ref) => {
        const t = localTarget(ref);
        if (t) reach(t.section, t.name);
      },
      (mapping) => {
        for (const target of Object.values(mapping)) {
          const name = typeof target === 'string' ? mappingTarget(target) : undefined;
          if (name !== undefined) reach('schemas', name);
        }
      },
    );
  }
  let pruned = 0;
  for (const [section, sec] of Object.entries(components)) {
    for (const name of Object.keys(sec)) {
      if (!reached.has(`${section}/${name}`)) {
        delete sec[name];
        pruned++;
      }
    }
    if (Object.keys(sec).length === 0) delete components[section];
  }
  return pruned;
}

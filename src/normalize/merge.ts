import { cmp } from '../core/diagnostic.js';
import { isObject } from '../core/json.js';
import { pointer } from '../core/pointer.js';
import { forEachRef, HTTP_METHODS } from './schema-walk.js';
import { localTarget } from './component-ref.js';
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

interface Entry {
  doc: number;
  section: string;
  name: string;
  value: unknown;
  /** Its JSON text, once asked for. */
  text?: string;
}

const key = (doc: number, section: string, name: string) => `${doc}\u0000${section}\u0000${name}`;

/** Whether JSON text has a `$ref` key with a string value (a reference canonicalWithRefs maps). */
const hasRefs = (text: string): boolean => text.includes('"$ref":"');

/** Every `"$ref":"…"` string value in JSON text (a `$ref` key with a string value), its escaped content in group 1. */
const REF_VALUES = /"\$ref":"((?:[^"\\]|\\.)*)"/g;

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
  const findings: BuildFinding[] = [];
  const entries = new Map<string, Entry>();
  sources.forEach((src, doc) => {
    const comps = src.doc.components;
    if (!isObject(comps)) return;
    for (const section of SECTIONS) {
      const sec = comps[section];
      if (!isObject(sec)) continue;
      for (const [name, value] of Object.entries(sec)) entries.set(key(doc, section, name), { doc, section, name, value });
    }
  });

  // 1. Structural identities: canonical JSON, references replaced by the identity of their
  // target, interned to a short id (equal ids ⇔ equal structure; no cryptographic hash needed).
  const identities = new Map<string, string>();
  const interned = new Map<string, string>();
  const intern = (canonical: string): string => {
    let id = interned.get(canonical);
    if (id === undefined) interned.set(canonical, (id = `#${interned.size}`));
    return id;
  };
  // A component is looked up by its JSON text first: the 589 copies of FAL's QueueStatus are
  // made canonical once, not 589 times. (The same text, with the same identities behind its
  // references, is the same structure; a different text, keys in another order say, is made
  // canonical and compared.) This only applies when every local target is identified already,
  // so that the order in which identities are worked out, and so any cycle, is as without it.
  const byText = new Map<string, string>();
  const textOf = (e: Entry): string => (e.text ??= JSON.stringify(e.value) ?? 'null');
  const mapKnown = (ref: string, doc: number): string => {
    const t = localTarget(ref);
    return t ? `@${identities.get(key(doc, t.section, t.name))!}${t.rest}` : ref;
  };
  const withKnownTargets = (text: string, doc: number): string | undefined => {
    if (!hasRefs(text)) return text;
    let out = text;
    for (const m of text.matchAll(REF_VALUES)) {
      const ref = JSON.parse(`"${m[1]!}"`) as string;
      const t = localTarget(ref);
      if (t && !identities.has(key(doc, t.section, t.name))) return undefined;
      out += '\u0000' + mapKnown(ref, doc);
    }
    return out;
  };
  const inProgress = new Set<string>();
  const identityOf = (k: string): string => {
    const done = identities.get(k);
    if (done) return done;
    const entry = entries.get(k);
    if (!entry) return `missing:${k}`;
    const textKey = withKnownTargets(textOf(entry), entry.doc);
    if (textKey !== undefined) {
      let h = byText.get(textKey);
      if (h === undefined) byText.set(textKey, (h = intern(canonicalWithRefs(entry.value, (ref) => mapKnown(ref, entry.doc)))));
      identities.set(k, h);
      return h;
    }
    if (inProgress.has(k)) return `cycle:${entry.section}/${entry.name}`;
    inProgress.add(k);
    const h = intern(canonicalWithRefs(entry.value, (ref) => {
      const t = localTarget(ref);
      return t ? `@${identityOf(key(entry.doc, t.section, t.name))}${t.rest}` : ref;
    }));
    inProgress.delete(k);
    identities.set(k, h);
    return h;
  };
  // Only names defined more than once need comparing; what they reference is identified on the way.
  const nameCount = new Map<string, number>();
  for (const e of entries.values()) nameCount.set(`${e.section}/${e.name}`, (nameCount.get(`${e.section}/${e.name}`) ?? 0) + 1);
  const compared = [...entries.keys()].sort(cmp).filter((k) => {
    const e = entries.get(k)!;
    return nameCount.get(`${e.section}/${e.name}`)! > 1;
  });
  // Those without references first: their identity depends on nothing else, so working it out
  // early changes no result, and more of the others then find their targets known (see above).
  for (const k of compared) if (!hasRefs(textOf(entries.get(k)!))) identityOf(k);
  for (const k of compared) identityOf(k);

  // 2. Final names.
  const groups = new Map<string, Map<string, Entry[]>>(); // section/name -> identity -> entries
  for (const [k, e] of entries) {
    const g = `${e.section}/${e.name}`;
    let byIdentity = groups.get(g);
    if (!byIdentity) groups.set(g, (byIdentity = new Map()));
    const h = identities.get(k) ?? 'unique';
    const list = byIdentity.get(h);
    if (list) list.push(e);
    else byIdentity.set(h, [e]);
  }
  const finalName = new Map<string, string>();
  const taken = new Map<string, Set<string>>(); // section -> names
  const renames: Rename[] = [];
  const shared: SharedComponent[] = [];
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
      for (const e of v.list) finalName.set(key(e.doc, e.section, e.name), n);
      if (n !== name) renames.push({ section: sec, from: name, to: n, sources: v.ids });
      if (v.ids.length > 1) shared.push({ section: sec, name: n, sources: v.ids.length });
    });
  }

  // 3. Rewrite references, then collect paths and components.
  const paths: Obj = {};
  const pathSource = new Map<string, string>();
  const opIdSource = new Map<string, string>();
  const components: Record<string, Obj> = {};
  // Only documents with a renamed component have references to rewrite.
  const renamedIn = new Set<number>();
  for (const [k, n] of finalName) {
    const e = entries.get(k)!;
    if (n !== e.name) renamedIn.add(e.doc);
  }
  sources.forEach((src, doc) => {
    if (renamedIn.has(doc)) {
      forEachRef(
        src.doc,
        (ref, holder) => {
          const t = localTarget(ref);
          if (!t) return;
          const n = finalName.get(key(doc, t.section, t.name));
          if (n !== undefined && n !== t.name) holder.$ref = '#' + pointer('components', t.section, n) + t.rest;
        },
        (mapping) => {
          // Discriminator mapping values are schema names or references to schemas.
          for (const [value, target] of Object.entries(mapping)) {
            if (typeof target !== 'string') continue;
            const t = mappingTarget(target);
            const n = t ? finalName.get(key(doc, 'schemas', t)) : undefined;
            if (n !== undefined && n !== t) mapping[value] = target.startsWith('#') ? '#' + pointer('components', 'schemas', n) : n;
          }
        },
      );
    }
    const where = `${src.provider}:${src.sourceId} (${src.file})`;
    if (isObject(src.doc.paths)) {
      for (const [path, item] of Object.entries(src.doc.paths)) {
        const prev = pathSource.get(path);
        if (prev !== undefined) {
          findings.push({ ruleId: 'path-conflict', severity: 'error', message: `path ${path} is defined by both ${prev} and ${where}`, provider: src.provider, sourceId: src.sourceId, file: src.file, pointer: pointer('paths', path) });
          continue;
        }
        pathSource.set(path, where);
        paths[path] = item;
        if (!isObject(item)) continue;
        for (const m of HTTP_METHODS) {
          const op = item[m];
          if (!isObject(op) || typeof op.operationId !== 'string') continue;
          const prevOp = opIdSource.get(op.operationId);
          if (prevOp !== undefined) {
            findings.push({ ruleId: 'operation-id-conflict', severity: 'error', message: `operationId ${op.operationId} is used by both ${prevOp} and ${where}`, provider: src.provider, sourceId: src.sourceId, file: src.file, pointer: pointer('paths', path, m, 'operationId') });
          } else opIdSource.set(op.operationId, where);
        }
      }
    }
    const comps = src.doc.components;
    if (!isObject(comps)) return;
    for (const section of SECTIONS) {
      const sec = comps[section];
      if (!isObject(sec)) continue;
      const out = (components[section] ??= {});
      for (const [name, value] of Object.entries(sec)) {
        const n = finalName.get(key(doc, section, name))!;
        if (!(n in out)) out[n] = value;
      }
    }
  });

  // 4. Keep only what the paths reach.
  const pruned = pruneUnreachable(paths, components);
  // Report renames and sharing only of what is left.
  const kept = <T extends { section: string }>(list: T[], name: (x: T) => string) => list.filter((x) => components[x.section]?.[name(x)] !== undefined);
  const keptRenames = kept(renames, (r) => r.to).sort((a, b) => cmp(a.section, b.section) || cmp(a.from, b.from) || cmp(a.to, b.to));
  return { paths, components, renames: keptRenames, shared: kept(shared, (x) => x.name), pruned, findings };
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

/** JSON-quoted object keys: the same few hundred keys recur in every component. */
const quotedKeys = new Map<string, string>();

function quotedKey(k: string): string {
  let q = quotedKeys.get(k);
  if (q === undefined) {
    q = JSON.stringify(k);
    if (quotedKeys.size < 100_000) quotedKeys.set(k, q);
  }
  return q;
}

/** Canonical JSON (keys sorted, undefined left out) where every `$ref` string is replaced by `mapRef(ref)`. Appended to one string: no intermediate arrays. */
function canonicalWithRefs(value: unknown, mapRef: (ref: string) => string): string {
  let out = '';
  const write = (v: unknown): void => {
    if (v === null || typeof v !== 'object') {
      out += JSON.stringify(v) ?? 'null';
      return;
    }
    if (Array.isArray(v)) {
      out += '[';
      for (let i = 0; i < v.length; i++) {
        if (i > 0) out += ',';
        write(v[i]);
      }
      out += ']';
      return;
    }
    const obj = v as Obj;
    const keys = Object.keys(obj).sort();
    out += '{';
    let first = true;
    for (const k of keys) {
      const x = obj[k];
      if (x === undefined) continue;
      out += first ? `${quotedKey(k)}:` : `,${quotedKey(k)}:`;
      first = false;
      if (k === '$ref' && typeof x === 'string') out += JSON.stringify(mapRef(x));
      else write(x);
    }
    out += '}';
  };
  write(value);
  return out;
}

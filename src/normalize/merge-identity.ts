import { cmp } from '../core/diagnostic.js';
import { localTarget } from './component-ref.js';
import type { Obj } from './types.js';

/** A component of one source document (`doc` is its index among the merged sources). */
export interface Entry {
  doc: number;
  section: string;
  name: string;
  value: unknown;
  /** Its JSON text, once asked for. */
  text?: string;
}

/** The key of a component of a source document in the maps of the merge. */
export const entryKey = (doc: number, section: string, name: string) => `${doc}\u0000${section}\u0000${name}`;

/** Whether JSON text has a `$ref` key with a string value (a reference canonicalWithRefs maps). */
const hasRefs = (text: string): boolean => text.includes('"$ref":"');

/** Every `"$ref":"…"` string value in JSON text (a `$ref` key with a string value), its escaped content in group 1. */
const REF_VALUES = /"\$ref":"((?:[^"\\]|\\.)*)"/g;

/** What working out the identities of one merge keeps between components. */
interface IdentityState {
  readonly entries: ReadonlyMap<string, Entry>;
  /** Entry key -> identity (a short interned id). */
  readonly identities: Map<string, string>;
  /** Canonical JSON -> its interned id. */
  readonly interned: Map<string, string>;
  /** JSON text with its targets' identities -> identity (see identityOf). */
  readonly byText: Map<string, string>;
  /** Entry keys whose identity is being worked out: a reference back to one is a cycle. */
  readonly inProgress: Set<string>;
}

/**
 * The structural identity of every component whose name more than one source defines, by entry
 * key: canonical JSON, references replaced by the identity of their target, interned to a short
 * id (equal ids ⇔ equal structure; no cryptographic hash needed). What those components
 * reference is identified on the way; components with a name of their own get none.
 */
export function structuralIdentities(entries: ReadonlyMap<string, Entry>): Map<string, string> {
  const state: IdentityState = { entries, identities: new Map(), interned: new Map(), byText: new Map(), inProgress: new Set() };
  const compared = namesDefinedMoreThanOnce(entries);
  // Those without references first: their identity depends on nothing else, so working it out
  // early changes no result, and more of the others then find their targets known (see identityOf).
  for (const k of compared) if (!hasRefs(textOf(entries.get(k)!))) identityOf(state, k);
  for (const k of compared) identityOf(state, k);
  return state.identities;
}

/** The entry keys, sorted, of the components whose section/name more than one entry has. */
function namesDefinedMoreThanOnce(entries: ReadonlyMap<string, Entry>): string[] {
  const nameCount = new Map<string, number>();
  for (const e of entries.values()) nameCount.set(`${e.section}/${e.name}`, (nameCount.get(`${e.section}/${e.name}`) ?? 0) + 1);
  return [...entries.keys()].sort(cmp).filter((k) => {
    const e = entries.get(k)!;
    return nameCount.get(`${e.section}/${e.name}`)! > 1;
  });
}

const textOf = (e: Entry): string => (e.text ??= JSON.stringify(e.value) ?? 'null');

function intern(state: IdentityState, canonical: string): string {
  let id = state.interned.get(canonical);
  if (id === undefined) state.interned.set(canonical, (id = `#${state.interned.size}`));
  return id;
}

/** A local ref whose target is identified already, as that identity; any other ref as it is. */
function mapKnown(state: IdentityState, ref: string, doc: number): string {
  const t = localTarget(ref);
  return t ? `@${state.identities.get(entryKey(doc, t.section, t.name))!}${t.rest}` : ref;
}

/**
 * JSON text followed by the identities of what its references target, or undefined while a
 * local target is not identified yet.
 */
function withKnownTargets(state: IdentityState, text: string, doc: number): string | undefined {
  if (!hasRefs(text)) return text;
  let out = text;
  for (const m of text.matchAll(REF_VALUES)) {
    const ref = JSON.parse(`"${m[1]!}"`) as string;
    const t = localTarget(ref);
    if (t && !state.identities.has(entryKey(doc, t.section, t.name))) return undefined;
    out += '\u0000' + mapKnown(state, ref, doc);
  }
  return out;
}

/**
 * The identity of the entry `k`, worked out (with those of its targets) when not known yet.
 *
 * A component is looked up by its JSON text first: the 589 copies of FAL's QueueStatus are
 * made canonical once, not 589 times. (The same text, with the same identities behind its
 * references, is the same structure; a different text, keys in another order say, is made
 * canonical and compared.) This only applies when every local target is identified already,
 * so that the order in which identities are worked out, and so any cycle, is as without it.
 */
function identityOf(state: IdentityState, k: string): string {
  const done = state.identities.get(k);
  if (done) return done;
  const entry = state.entries.get(k);
  if (!entry) return `missing:${k}`;
  const textKey = withKnownTargets(state, textOf(entry), entry.doc);
  if (textKey !== undefined) {
    let h = state.byText.get(textKey);
    if (h === undefined)
      state.byText.set(
        textKey,
        (h = intern(
          state,
          canonicalWithRefs(entry.value, (ref) => mapKnown(state, ref, entry.doc)),
        )),
      );
    state.identities.set(k, h);
    return h;
  }
  if (state.inProgress.has(k)) return `cycle:${entry.section}/${entry.name}`;
  state.inProgress.add(k);
  const h = intern(
    state,
    canonicalWithRefs(entry.value, (ref) => {
      const t = localTarget(ref);
      return t ? `@${identityOf(state, entryKey(entry.doc, t.section, t.name))}${t.rest}` : ref;
    }),
  );
  state.inProgress.delete(k);
  state.identities.set(k, h);
  return h;
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

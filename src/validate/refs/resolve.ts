import { resolvePointer } from '../../core/pointer.js';
import type { DocumentSet, SourceFile } from '../types.js';
import { parseRef, type RefTarget } from './ref-target.js';

export type Resolution = { ok: true; file: SourceFile; pointer: string; value: unknown } | { ok: false; reason: string };

/** Resolve a local ref target against the loaded files (no I/O). */
export function resolveTarget(set: DocumentSet, target: Extract<RefTarget, { kind: 'local' }>): Resolution {
  const file = set.files.get(target.path);
  if (!file) {
    const why = set.missing.get(target.path);
    return { ok: false, reason: why ?? 'file was not loaded' };
  }
  if (target.pointer === undefined) {
    return { ok: false, reason: `\`#${target.fragment}\` is not a JSON pointer (plain-name fragments / $anchor are not supported)` };
  }
  let value: unknown;
  try {
    value = resolvePointer(file.data, target.pointer);
  } catch {
    return { ok: false, reason: `\`#${target.fragment}\` is not a valid JSON pointer` };
  }
  if (value === undefined) return { ok: false, reason: `\`${target.pointer}\` does not exist in ${file.display}` };
  return { ok: true, file, pointer: target.pointer, value };
}

/** A set's resolved refs, by the file they are written in; `last` is the file asked about last (the walk and the rules ask about one file's refs in a row). */
interface SetMemo {
  byFile: Map<SourceFile, Map<string, Resolution | undefined>>;
  last?: { from: SourceFile; m: Map<string, Resolution | undefined> };
}

/** Weak: a long-running process (the MCP server) keeps no document set alive through it. */
const memo = new WeakMap<DocumentSet, SetMemo>();

/**
 * A `$ref` string written in `from`, resolved (memoized per set: the walk and
 * several rules ask about the same refs). Undefined for remote refs and refs
 * outside the ref root, which are not followed.
 */
export function resolveRef(set: DocumentSet, from: SourceFile, ref: string): Resolution | undefined {
  let sm = memo.get(set);
  if (!sm) memo.set(set, (sm = { byFile: new Map() }));
  let m: Map<string, Resolution | undefined>;
  if (sm.last !== undefined && sm.last.from === from) m = sm.last.m;
  else {
    let inFile = sm.byFile.get(from);
    if (!inFile) sm.byFile.set(from, (inFile = new Map()));
    m = inFile;
    sm.last = { from, m };
  }
  const hit = m.get(ref);
  if (hit !== undefined || m.has(ref)) return hit;
  const t = parseRef(ref, from.path, set.refRoot);
  const r = t.kind === 'local' && !t.outsideRoot ? resolveTarget(set, t) : undefined;
  m.set(ref, r);
  return r;
}

export interface Resolved {
  value: unknown;
  file: SourceFile;
  pointer: string;
}

/**
 * Follow a chain of Reference Objects from `value` (found in `file` at
 * `pointer`) to a value that is not one. Undefined when a link does not
 * resolve or the chain loops.
 */
export function deref(set: DocumentSet, value: unknown, file: SourceFile, pointer: string): Resolved | undefined {
  let cur: Resolved = { value, file, pointer };
  for (let hops = 0; hops < 64; hops++) {
    const v = cur.value;
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return cur;
    const ref = (v as Record<string, unknown>).$ref;
    if (typeof ref !== 'string') return cur;
    const r = resolveRef(set, cur.file, ref);
    if (!r?.ok) return undefined;
    cur = { value: r.value, file: r.file, pointer: r.pointer };
  }
  return undefined;
}

import { pointer } from '../../core/pointer.js';
import { isNameMapPosition, isOperationPosition } from '../refs/positions.js';
import { parseRef } from '../refs/ref-target.js';
import { resolveTarget } from '../refs/resolve.js';
import type { DocumentSet, SourceFile } from '../types.js';
import { childMode, PLAIN, skipsChild, type ChildMode, type Segment } from '../walk.js';

export interface Origin {
  file: SourceFile;
  pointer: string;
}

/**
 * The root document with the content of other files put in place of the refs
 * to them, so that a multi-file description is checked against the schema as a
 * whole (an external `$ref` under `paths/x/get` is validated as an Operation).
 *
 * - Each external target is inlined once (at its first use); later refs to it
 *   stay Reference Objects, so the work stays linear however often a shared
 *   file is used. Circular refs stay refs.
 * - Refs where OpenAPI allows no Reference Object (an operation, a string, a whole
 *   `properties` map) are
 *   always inlined; the `ref-not-allowed` rule warns about them.
 * - The input is never mutated: changed objects are shallow copies.
 */
export interface VirtualDocument {
  data: unknown;
  /** Virtual pointer -> where the subtree inlined at that pointer comes from. */
  inlined: ReadonlyMap<string, Origin>;
  root: SourceFile;
}

export function buildVirtualDocument(set: DocumentSet): VirtualDocument {
  const inlined = new Map<string, Origin>();
  const seen = new Set<string>();
  const stack = new Set<string>();
  const segments: Segment[] = [];

  const inlineTarget = (obj: Record<string, unknown>, file: SourceFile): { value: unknown; file: SourceFile; key: string; pointer: string } | undefined => {
    const ref = obj.$ref;
    if (typeof ref !== 'string') return undefined;
    const t = parseRef(ref, file.path, set.refRoot);
    if (t.kind !== 'local' || t.outsideRoot) return undefined;
    const r = resolveTarget(set, t);
    if (!r.ok) return undefined;
    const key = `${r.file.path}#${r.pointer}`;
    if (stack.has(key)) return undefined;
    const scalar = r.value === null || (typeof r.value !== 'object' && typeof r.value !== 'boolean');
    const external = r.file !== file;
    if (!scalar && !isOperationPosition(segments) && !isNameMapPosition(segments) && !(external && !seen.has(key))) return undefined;
    return { value: r.value, file: r.file, key, pointer: r.pointer };
  };

  const build = (node: unknown, file: SourceFile, parentKey: Segment | undefined, from: ChildMode): unknown => {
    if (node === null || typeof node !== 'object') return node;
    if (Array.isArray(node)) {
      let out: unknown[] | undefined;
      for (let i = 0; i < node.length; i++) {
        segments.push(i);
        const v = build(node[i], file, i, PLAIN);
        segments.pop();
        if (v !== node[i]) (out ??= node.slice())[i] = v;
      }
      return out ?? node;
    }
    const obj = node as Record<string, unknown>;
    const target = inlineTarget(obj, file);
    if (target) {
      seen.add(target.key);
      inlined.set(pointer(...segments), { file: target.file, pointer: target.pointer });
      stack.add(target.key);
      const v = build(target.value, target.file, parentKey, from);
      stack.delete(target.key);
      return v;
    }
    let out: Record<string, unknown> | undefined;
    const mode = childMode(parentKey, from);
    for (const key of Object.keys(obj)) {
      const child = obj[key];
      if (child === null || typeof child !== 'object' || skipsChild(mode, from, key, child)) continue;
      segments.push(key);
      const v = build(child, file, key, mode);
      segments.pop();
      if (v !== child) (out ??= { ...obj })[key] = v;
    }
    return out ?? obj;
  };

  const data = build(set.root.data, set.root, undefined, PLAIN);
  return { data, inlined, root: set.root };
}

/** Map a pointer into the virtual document back to the file and pointer it came from. */
export function originOf(vd: VirtualDocument, segments: readonly string[]): Origin {
  for (let n = segments.length; n >= 0; n--) {
    const prefix = segments.slice(0, n);
    const origin = vd.inlined.get(pointer(...prefix));
    if (origin) return { file: origin.file, pointer: origin.pointer + pointer(...segments.slice(n)) };
  }
  return { file: vd.root, pointer: pointer(...segments) };
}

import { dirname, isAbsolute, relative, resolve } from 'node:path';

/** Where a `$ref` string points, before anything is loaded. */
export type RefTarget =
  | { kind: 'remote'; url: string; scheme: string }
  | {
      kind: 'local';
      /** Absolute path of the target file (the referring file for `#...`). */
      path: string;
      /** True when the ref names another file. */
      external: boolean;
      /** JSON pointer ('' = whole document), or undefined for a plain-name fragment. */
      pointer: string | undefined;
      fragment: string;
      outsideRoot: boolean;
    };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** ref root + referring file -> ref -> target. */
const cache = new Map<string, Map<string, RefTarget>>();
let cached = 0;
/** The scope asked about last: the walk asks about one file's refs in a row (no key string built per ref). */
let last: { refRoot: string; fromFile: string; byRef: Map<string, RefTarget> } | undefined;

/** Memoized: every rule and the loader ask about the same refs (path.resolve is not free). */
export function parseRef(ref: string, fromFile: string, refRoot: string): RefTarget {
  let byRef: Map<string, RefTarget>;
  if (last !== undefined && last.fromFile === fromFile && last.refRoot === refRoot) byRef = last.byRef;
  else {
    const scope = `${refRoot}\u0000${fromFile}`;
    let m = cache.get(scope);
    if (!m) cache.set(scope, (m = new Map()));
    byRef = m;
    last = { refRoot, fromFile, byRef };
  }
  let t = byRef.get(ref);
  if (!t) {
    if (++cached > 200_000) {
      cache.clear();
      cached = 0;
      byRef.clear();
      cache.set(`${refRoot}\u0000${fromFile}`, byRef);
    }
    t = parseRefUncached(ref, fromFile, refRoot);
    byRef.set(ref, t);
  }
  return t;
}

function parseRefUncached(ref: string, fromFile: string, refRoot: string): RefTarget {
  const scheme = SCHEME.exec(ref);
  // A one-letter "scheme" is a Windows drive letter, not a URL.
  if (scheme && scheme[1] !== undefined && scheme[1].length > 1) return { kind: 'remote', url: ref, scheme: scheme[1].toLowerCase() };
  const hash = ref.indexOf('#');
  const filePart = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : ref.slice(hash + 1);
  const path = filePart === '' ? fromFile : resolve(dirname(fromFile), decode(filePart));
  const outsideRoot = isOutside(refRoot, path);
  const pointer = fragment === '' ? '' : fragment.startsWith('/') ? fragment : undefined;
  return { kind: 'local', path, external: filePart !== '', pointer, fragment, outsideRoot };
}

const outside = new Map<string, boolean>();
/** Whether `path` is outside `root` (memoized: every `#/...` ref of a file asks about that file). */
function isOutside(root: string, path: string): boolean {
  const key = `${root}\u0000${path}`;
  let o = outside.get(key);
  if (o === undefined) {
    const rel = relative(root, path);
    o = rel.startsWith('..') || isAbsolute(rel);
    if (outside.size > 10_000) outside.clear();
    outside.set(key, o);
  }
  return o;
}

function decode(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

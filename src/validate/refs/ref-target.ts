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

const cache = new Map<string, RefTarget>();

/** Memoized: every rule and the loader ask about the same refs (path.resolve is not free). */
export function parseRef(ref: string, fromFile: string, refRoot: string): RefTarget {
  const key = `${refRoot}\u0000${fromFile}\u0000${ref}`;
  let t = cache.get(key);
  if (!t) {
    if (cache.size > 100_000) cache.clear();
    t = parseRefUncached(ref, fromFile, refRoot);
    cache.set(key, t);
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
  const rel = relative(refRoot, path);
  const outsideRoot = rel.startsWith('..') || isAbsolute(rel);
  const pointer = fragment === '' ? '' : fragment.startsWith('/') ? fragment : undefined;
  return { kind: 'local', path, external: filePart !== '', pointer, fragment, outsideRoot };
}

function decode(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../../core/diagnostic.js';
import { isObject } from '../../core/json.js';
import { parseText } from '../../core/parse.js';

/**
 * The files of a multi-file description: the root document and every file its
 * `$ref`s reach. A location is an absolute path or an http(s) URL.
 */
export interface FileSet {
  root: string;
  files: ReadonlyMap<string, { data: unknown; text: string }>;
  /** Locations a `$ref` names that could not be loaded, with the reason. */
  missing: ReadonlyMap<string, string>;
}

/** Reads the text at a location; rejects with a message when it cannot. */
export type LocationReader = (location: string) => Promise<string>;

export interface FileSetOptions {
  read: LocationReader;
  /** Local files must stay inside this directory (absolute). */
  confine: string;
  /** Follow refs to http(s) URLs from local files. Refs between documents of a URL source stay on its origin. */
  allowRemoteRefs?: boolean;
  /** Shown in messages instead of absolute paths. */
  display: (location: string) => string;
}

export const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

/** Split a `$ref` into the location of its document and the JSON pointer fragment. */
export function resolveRef(ref: string, base: string): { location: string; fragment: string } {
  const hash = ref.indexOf('#');
  const file = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : ref.slice(hash + 1);
  if (file === '') return { location: base, fragment };
  if (isUrl(file)) return { location: new URL(file).href, fragment };
  if (isUrl(base)) return { location: new URL(file, base).href, fragment };
  return { location: resolve(dirname(base), safeDecode(file)), fragment };
}

/** Why a location may not be loaded from `from`, or undefined when it may. */
export function refNotAllowed(location: string, from: string, options: Pick<FileSetOptions, 'confine' | 'allowRemoteRefs'>): string | undefined {
  if (isUrl(location)) {
    if (isUrl(from) && new URL(location).origin === new URL(from).origin) return undefined;
    return options.allowRemoteRefs ? undefined : 'a remote reference (set build.allowRemoteRefs to follow it)';
  }
  if (isUrl(from)) return 'a local file named by a remote document';
  const rel = relative(options.confine, location);
  if (rel.startsWith('..' + sep) || rel === '..' || isAbsolute(rel)) return 'outside the directory the source may read from';
  return undefined;
}

/**
 * Load the root and, level by level, every document its refs reach: each is
 * read and parsed once however many refs name it, so circular references
 * terminate. A location that cannot be read or parsed is recorded as missing
 * (and reported by the bundler only if a reference it resolves needs it); the
 * root itself failing is a problem.
 */
export async function loadFileSet(root: string, options: FileSetOptions): Promise<{ set: FileSet; problems: Diagnostic[] }> {
  const files = new Map<string, { data: unknown; text: string }>();
  const missing = new Map<string, string>();
  const problems: Diagnostic[] = [];
  let level = [root];
  const seen = new Set(level);
  while (level.length > 0) {
    const loaded = await Promise.all(
      level.map(async (loc) => {
        try {
          return { loc, text: await options.read(loc) };
        } catch (err) {
          return { loc, error: (err as Error).message };
        }
      }),
    );
    const next: string[] = [];
    for (const r of loaded) {
      if (r.error !== undefined) {
        missing.set(r.loc, r.error);
        if (r.loc === root) problems.push({ ruleId: 'file-unreadable', severity: 'error', message: r.error, file: options.display(r.loc) });
        continue;
      }
      const parsed = parseText(r.text, isUrl(r.loc) ? new URL(r.loc).pathname : r.loc);
      if (!parsed.ok) {
        missing.set(r.loc, `cannot be parsed: ${parsed.problem.message}`);
        problems.push({ ...parsed.problem, file: options.display(r.loc) });
        continue;
      }
      files.set(r.loc, { data: parsed.value.data, text: r.text });
      forEachRefString(parsed.value.data, (ref) => {
        const { location } = resolveRef(ref, r.loc);
        if (seen.has(location) || refNotAllowed(location, r.loc, options)) return;
        seen.add(location);
        next.push(location);
      });
    }
    level = next.sort();
  }
  return { set: { root, files, missing }, problems };
}

function forEachRefString(root: unknown, visit: (ref: string) => void): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) for (const v of node) stack.push(v);
    else if (isObject(node)) {
      if (typeof node.$ref === 'string' && !node.$ref.startsWith('#')) visit(node.$ref);
      for (const v of Object.values(node)) if (v !== null && typeof v === 'object') stack.push(v);
    }
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidateResult } from '../types.js';

/**
 * The result cache of `api-hub validate` (an edge module: file I/O, used by the
 * CLI only). An entry is keyed by everything that decides the result: the tool
 * (its version and build), the config and ignore file contents, the options,
 * and the files asked for. It stores the content hash of every file the run
 * read (the root documents and every file their `$ref`s reached), so an entry
 * is used only when none of them changed.
 *
 * Deliberately light: it imports no part of the validator, so a cache hit never
 * loads the JSON Schema validators, the YAML parser or the rules.
 */
export interface CacheKeyInput {
  /** Absolute paths of the files to validate, in order. */
  files: readonly string[];
  /** Text of the config file and of the ignore file ('' when absent). */
  configText: string;
  ignoreText: string;
  /** Options that change the result (allow-remote-refs, ...). */
  options: Record<string, unknown>;
}

interface Entry {
  key: string;
  /** Absolute path -> sha256 of its bytes ('' when the file did not exist). */
  files: Record<string, string>;
  result: ValidateResult;
}

export function cacheDir(root: string): string {
  return join(root, 'node_modules', '.cache', 'api-hub', 'validate');
}

let toolId: string | undefined;
/**
 * Version and build of the validator: the package version plus a hash of the
 * validator's code (every module under validate/, the precompiled schema
 * modules by size), so a changed rule invalidates every entry but a mere
 * rebuild with the same output does not.
 */
function toolVersion(): string {
  if (toolId) return toolId;
  const validateDir = join(dirname(fileURLToPath(import.meta.url)), '..');
  const h = createHash('sha256');
  try {
    h.update(readFileSync(join(validateDir, '..', '..', 'package.json')));
  } catch {
    // an unusual layout: the code hash below still identifies the build
  }
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const p = join(dir, name);
      if (name.endsWith('.js')) {
        h.update(name);
        if (dir.endsWith('compiled')) h.update(String(statSync(p).size));
        else h.update(readFileSync(p));
      } else if (!name.includes('.')) walk(p);
    }
  };
  walk(validateDir);
  toolId = h.digest('hex').slice(0, 16);
  return toolId;
}

export function cacheKey(input: CacheKeyInput): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ tool: toolVersion(), files: input.files, options: input.options }));
  h.update('\u0000');
  h.update(input.configText);
  h.update('\u0000');
  h.update(input.ignoreText);
  return h.digest('hex');
}

function hashFile(path: string): string {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return '';
  }
}

/** The cached result for a key, if every file it depends on is unchanged. */
export function readCache(root: string, key: string): ValidateResult | undefined {
  let entry: Entry;
  try {
    entry = JSON.parse(readFileSync(join(cacheDir(root), `${key}.json`), 'utf8')) as Entry;
  } catch {
    return undefined;
  }
  if (entry.key !== key) return undefined;
  for (const [path, hash] of Object.entries(entry.files)) if (hashFile(path) !== hash) return undefined;
  return entry.result;
}

/**
 * Store a result with the hashes of the files it read. Files are hashed now:
 * if one changed during the run, the entry simply will not match next time.
 * Failing to write (read-only checkout, no node_modules) is not an error.
 */
export function writeCache(root: string, key: string, files: readonly string[], result: ValidateResult): void {
  try {
    const entry: Entry = { key, files: Object.fromEntries(files.map((f) => [f, hashFile(f)])), result };
    const dir = cacheDir(root);
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `${key}.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify(entry));
    renameSync(tmp, join(dir, `${key}.json`));
  } catch {
    // caching is an optimisation only
  }
}

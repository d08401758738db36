import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../core/diagnostic.js';
import { writeFileAtomic } from '../core/fs.js';
import { sha256 } from '../core/hash.js';

/**
 * The result cache of `generate` (an edge module: file I/O). An entry says: the
 * document whose YAML text has this sha256, run through this build of the
 * generator, gives these files (by sha256) and these warnings. When every file in
 * the output directory still has its hash, the output is current and nothing
 * needs generating: no openapi-typescript, no `typescript`.
 *
 * Deliberately light: it imports no part of the generator.
 */
export interface GenerateCacheEntry {
  key: string;
  /** Output path (relative to the output directory) -> sha256 of its contents, sorted by path. */
  files: Array<{ path: string; sha256: string }>;
  diagnostics: Diagnostic[];
  falEndpoints: number;
  cometOperations: number;
}

export function generateCacheDir(root: string): string {
  return join(root, 'node_modules', '.cache', 'api-hub', 'generate');
}

/** The packages whose code decides the output (versions as installed). */
const PACKAGES = ['openapi-typescript', 'typescript', '@redocly/openapi-core'];

let toolId: string | undefined;

/**
 * This build of the generator: the code of generate/ and core/ (the runtime's
 * sources among them) as it runs, and in src/ too when it runs from dist/ (the
 * runtime is transpiled from src/), plus the installed versions of the packages
 * it drives. Any edit to the generator gives new keys.
 */
export function generatorVersion(): string {
  if (toolId) return toolId;
  const h = createHash('sha256');
  const here = dirname(dirname(fileURLToPath(import.meta.url)));
  const roots = [here, ...(basename(here) === 'dist' ? [join(here, '..', 'src')] : [])];
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir, { withFileTypes: true })
        .map((d) => (d.isDirectory() ? `${d.name}/` : d.name))
        .sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (name.endsWith('/')) walk(join(dir, name));
      else if (/\.(?:js|ts)$/.test(name) && !name.endsWith('.test.ts'))
        h.update(`${join(dir, name)}\u0000`)
          .update(readFileSync(join(dir, name)))
          .update('\u0000');
    }
  };
  for (const root of roots) for (const stage of ['generate', 'core']) walk(join(root, stage));
  const require = createRequire(import.meta.url);
  for (const pkg of PACKAGES) {
    try {
      h.update(`${pkg}@${(require(`${pkg}/package.json`) as { version: string }).version}\u0000`);
    } catch {
      h.update(`${pkg}@?\u0000`);
    }
  }
  toolId = h.digest('hex').slice(0, 16);
  return toolId;
}

/** The key of a run: the generator's build, the document (sha256 of its YAML text) and the name it is given. */
export function generateCacheKey(documentSha256: string, source: string): string {
  return sha256(JSON.stringify({ tool: generatorVersion(), document: documentSha256, source }));
}

/** One entry per output directory: the last run's. */
function entryPath(cacheDir: string, outDir: string): string {
  return join(cacheDir, `${sha256(outDir).slice(0, 16)}.json`);
}

/**
 * The entry for `key` when the output directory holds exactly its files, with
 * their contents (read once, for the hashes and for the caller); else undefined.
 */
export async function readGenerateCache(
  cacheDir: string,
  outDir: string,
  key: string,
): Promise<{ entry: GenerateCacheEntry; contents: Map<string, string> } | undefined> {
  let entry: GenerateCacheEntry;
  try {
    entry = JSON.parse(await readFile(entryPath(cacheDir, outDir), 'utf8')) as GenerateCacheEntry;
  } catch {
    return undefined;
  }
  if (entry.key !== key || !Array.isArray(entry.files)) return undefined;
  const contents = new Map<string, string>();
  const texts = await Promise.all(entry.files.map((f) => readFile(join(outDir, f.path), 'utf8').catch(() => undefined)));
  for (const [i, f] of entry.files.entries()) {
    const text = texts[i];
    if (text === undefined || sha256(text) !== f.sha256) return undefined;
    contents.set(f.path, text);
  }
  return { entry, contents };
}

/** Store the entry of a run whose files are now in the output directory. Failing to write is not an error. */
export async function writeGenerateCache(cacheDir: string, outDir: string, entry: GenerateCacheEntry): Promise<void> {
  try {
    await mkdir(cacheDir, { recursive: true });
    await writeFileAtomic(entryPath(cacheDir, outDir), `${JSON.stringify(entry)}\n`);
  } catch {
    // caching is an optimisation only
  }
}

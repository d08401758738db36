import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeIfChanged } from '../core/fs.js';
import { sha256 } from '../core/hash.js';
import type { GenerateResult } from '../generate/generate.js';
import type { StaleFile } from '../generate/check.js';
import { generateCacheKey, readGenerateCache, writeGenerateCache } from './generate-cache.js';

export interface GenerateRunResult {
  result: GenerateResult;
  /** With `check`: the files that differ from what the document generates (nothing is written). */
  stale?: StaleFile[];
  /** Without `check`: every file, and whether it changed on disk. */
  written?: Array<{ path: string; bytes: number; changed: boolean }>;
  /** True when the output directory was known current from the cache: nothing was generated. */
  cached?: boolean;
}

export interface GenerateRunOptions {
  source: string;
  outDir: string;
  check: boolean;
  /**
   * The result cache (project/generate-cache.ts): its directory, and the sha256 of
   * the YAML text the document was parsed from (or serialized to). Without it,
   * every run generates.
   */
  cache?: { dir: string; documentSha256: string };
  /**
   * Another way to make the result when the cache does not have it (`api-hub start`: on a
   * thread of its own, project/generate-thread.ts). When it fails, the document is generated here.
   */
  produce?: () => Promise<GenerateResult>;
  /** Called when the cache had the result (a `produce` under way is not needed). */
  onCached?: () => void;
}

/**
 * The generate run of the project: the SDK for a parsed document, written to
 * `outDir` (only the files that changed), or, with `check`, compared with it.
 * `api-hub generate` and `npm start` (with the document the build just made,
 * not parsed again) both come here. With `cache`, an output directory that holds
 * exactly what this document and this generator gave last time is taken as it is.
 * `input` is the parsed document, or a loader of it (a cache hit never calls it).
 */
export async function runGenerate(input: unknown | (() => Promise<unknown>), options: GenerateRunOptions): Promise<GenerateRunResult> {
  const key = options.cache ? generateCacheKey(options.cache.documentSha256, options.source) : undefined;
  if (options.cache && key !== undefined) {
    const hit = await readGenerateCache(options.cache.dir, options.outDir, key);
    if (hit) {
      options.onCached?.();
      const files = [...hit.contents].map(([path, contents]) => ({ path, contents }));
      const result: GenerateResult = {
        files,
        diagnostics: hit.entry.diagnostics,
        falEndpoints: hit.entry.falEndpoints,
        cometOperations: hit.entry.cometOperations,
      };
      if (options.check) return { result, stale: [], cached: true };
      return { result, written: files.map((f) => ({ path: f.path, bytes: Buffer.byteLength(f.contents), changed: false })), cached: true };
    }
  }
  // Loaded on use: openapi-typescript and typescript (~0.5 s of start-up), which
  // every other command (validate in a pre-commit hook) and a cache hit must not pay for.
  const here = async (): Promise<GenerateResult> => {
    const { generate } = await import('../generate/generate.js');
    const document: unknown = typeof input === 'function' ? await (input as () => Promise<unknown>)() : input;
    return generate(document, { source: options.source });
  };
  const result = options.produce ? await options.produce().catch(here) : await here();
  const remember = async (): Promise<void> => {
    if (!options.cache || key === undefined) return;
    const { diagnostics, falEndpoints, cometOperations } = result;
    const files = result.files.map((f) => ({ path: f.path, sha256: sha256(f.contents) }));
    await writeGenerateCache(options.cache.dir, options.outDir, { key, files, diagnostics, falEndpoints, cometOperations });
  };
  if (options.check) {
    const onDisk = new Map<string, string | undefined>();
    for (const file of result.files) onDisk.set(file.path, await readFile(join(options.outDir, file.path), 'utf8').catch(() => undefined));
    const { findStaleFiles } = await import('../generate/check.js');
    const stale = findStaleFiles(result.files, onDisk);
    // Only a current output directory is remembered: the entry describes what is on disk.
    if (stale.length === 0) await remember();
    return { result, stale };
  }
  const written: GenerateRunResult['written'] = [];
  for (const file of result.files) {
    const changed = await writeIfChanged(join(options.outDir, file.path), file.contents);
    written.push({ path: file.path, bytes: Buffer.byteLength(file.contents), changed });
  }
  await remember();
  return { result, written };
}

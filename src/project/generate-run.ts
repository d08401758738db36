import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeIfChanged } from '../core/fs.js';
import type { GenerateResult } from '../generate/generate.js';
import type { StaleFile } from '../generate/check.js';

export interface GenerateRunResult {
  result: GenerateResult;
  /** With `check`: the files that differ from what the document generates (nothing is written). */
  stale?: StaleFile[];
  /** Without `check`: every file, and whether it changed on disk. */
  written?: Array<{ path: string; bytes: number; changed: boolean }>;
}

/**
 * The generate run of the project: the SDK for a parsed document, written to
 * `outDir` (only the files that changed), or, with `check`, compared with it.
 * `api-hub generate` and `npm start` (with the document the build just made,
 * not parsed again) both come here.
 */
export async function runGenerate(document: unknown, options: { source: string; outDir: string; check: boolean }): Promise<GenerateRunResult> {
  // Loaded on use: openapi-typescript pulls in Redocly (~1 s of start-up), which
  // every other command (validate in a pre-commit hook) must not pay for.
  const { findStaleFiles, generate } = await import('../generate/index.js');
  const result = await generate(document, { source: options.source });
  if (options.check) {
    const onDisk = new Map<string, string | undefined>();
    for (const file of result.files) onDisk.set(file.path, await readFile(join(options.outDir, file.path), 'utf8').catch(() => undefined));
    return { result, stale: findStaleFiles(result.files, onDisk) };
  }
  const written: GenerateRunResult['written'] = [];
  for (const file of result.files) {
    const changed = await writeIfChanged(join(options.outDir, file.path), file.contents);
    written.push({ path: file.path, bytes: Buffer.byteLength(file.contents), changed });
  }
  return { result, written };
}

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import type { SetExit } from './index.js';
import { printDiagnostics } from '../print.js';
import { ExitCode, HubError } from '../../core/errors.js';
import { sha256 } from '../../core/hash.js';
import { generateCacheDir } from '../../project/generate-cache.js';
import type { GenerateRunOptions } from '../../project/generate-run.js';
import { displayPath, projectPaths } from '../../core/paths.js';

interface GenerateFlags {
  check?: boolean;
  cache: boolean;
  input: string;
  outDir: string;
}

export function registerGenerate(program: Command, ctx: CliContext, setExit: SetExit): void {
  program
    .command('generate')
    .description('generate openapi-typescript types and the typed client (generated/) from specs/openapi.yaml')
    .option('--check', 'exit 1 when generated/ is stale; write nothing')
    .option('-i, --input <file>', 'the unified document', 'specs/openapi.yaml')
    .option('-o, --out-dir <dir>', 'where the generated files go', 'generated')
    .option('--no-cache', 'do not read or write the result cache (node_modules/.cache/api-hub/)')
    .action(async (flags: GenerateFlags) => {
      setExit(await runGenerate(ctx, flags));
    });
}

async function runGenerate(ctx: CliContext, flags: GenerateFlags): Promise<number> {
  const started = performance.now();
  const inputPath = resolve(ctx.root, flags.input);
  const outDir = resolve(ctx.root, flags.outDir);
  const source = display(ctx.root, inputPath);

  const text = await readFile(inputPath, 'utf8').catch((err: NodeJS.ErrnoException) => {
    const why = err.code === 'ENOENT' ? 'the file does not exist' : err.message;
    throw new HubError(`cannot read ${source}: ${why}`, {
      diagnostics: [
        { ruleId: 'read-error', severity: 'error', message: why, file: source, suggestion: 'build it first with `api-hub build`, or pass --input' },
      ],
    });
  });
  const cache = flags.cache ? generateCache(ctx.root, sha256(text)) : undefined;
  return emitGenerated(ctx, () => readDocument(ctx, inputPath, text, source), {
    source,
    outDir,
    check: flags.check === true,
    started,
    ...(cache ? { cache } : {}),
  });
}

/**
 * The result cache (project/generate-cache.ts) for the document whose YAML text
 * has this sha256, where the project has node_modules/ to keep it in.
 */
export function generateCache(root: string, documentSha256: string): { dir: string; documentSha256: string } | undefined {
  if (!existsSync(join(root, 'node_modules'))) return undefined;
  return { dir: generateCacheDir(root), documentSha256 };
}

/**
 * The parsed document: for the project's unified document, from the JSON index the
 * build writes beside it (`specs/openapi.index.json`, JSON.parse: ~0.3 s less than
 * parsing the 4.9 MB YAML) when the index mirrors exactly this YAML text (its sha256);
 * otherwise, or for any other input, the YAML parsed.
 */
async function readDocument(ctx: CliContext, inputPath: string, text: string, source: string): Promise<unknown> {
  const paths = projectPaths(ctx.root);
  if (inputPath === paths.unified) {
    const { readIndexFor } = await import('../../project/catalog/hub-data.js');
    const indexed = await readIndexFor(text, paths.unifiedIndex);
    if (indexed !== undefined) return indexed;
  }
  const { parseText } = await import('../../core/parse.js');
  const parsed = parseText(text, source);
  if (!parsed.ok) throw new HubError(`cannot parse ${source}`, { diagnostics: [parsed.problem] });
  return parsed.value.data;
}

/**
 * Generate from a parsed document and write (or, with `check`, compare)
 * the output directory. `api-hub start` calls this with the document the build
 * just produced, so it is not parsed again.
 */
export async function emitGenerated(
  ctx: CliContext,
  /** The document, or a loader of it (a cache hit never calls it). */
  document: Record<string, unknown> | (() => Promise<unknown>),
  opts: Pick<GenerateRunOptions, 'source' | 'outDir' | 'check' | 'cache' | 'produce' | 'onCached'> & { started?: number },
): Promise<number> {
  const started = opts.started ?? performance.now();
  const { runGenerate } = await import('../../project/generate-run.js');
  const { source, outDir } = opts;
  const { result, stale, written } = await runGenerate(document, {
    source,
    outDir,
    check: opts.check,
    ...(opts.cache ? { cache: opts.cache } : {}),
    ...(opts.produce ? { produce: opts.produce } : {}),
    ...(opts.onCached ? { onCached: opts.onCached } : {}),
  });
  if (!ctx.quiet) printDiagnostics(ctx, result.diagnostics, { layout: 'pointer' });
  const ms = Math.round(performance.now() - started);
  const outLabel = display(ctx.root, outDir);

  if (stale) {
    if (stale.length > 0) {
      ctx.stderr(`api-hub: ${outLabel}/ is stale: ${stale.length} of ${result.files.length} files differ from what ${source} generates.\n`);
      for (const s of stale) ctx.stderr(`  ${outLabel}/${s.path} (${s.reason})\n`);
      ctx.stderr('Run `api-hub generate` (npm run generate) and commit the result.\n');
      return ExitCode.findings;
    }
    if (!ctx.quiet) ctx.stdout(`${outLabel}/ is up to date (${result.files.length} files, checked in ${ms} ms)\n`);
    return ExitCode.ok;
  }

  if (!ctx.quiet && written) {
    const rows = written.map((w) => ({ ...w, path: `${outLabel}/${w.path}` }));
    const width = Math.max(...rows.map((w) => w.path.length));
    for (const w of rows) {
      ctx.stdout(`${w.path.padEnd(width)}  ${formatBytes(w.bytes).padStart(9)}${w.changed ? '' : '  (unchanged)'}\n`);
    }
    const changed = rows.filter((w) => w.changed).length;
    ctx.stdout(
      `${changed} of ${rows.length} files written: ${plural(result.falEndpoints, 'FAL endpoint')}, ${plural(result.cometOperations, 'Comet operation')}` +
        `${result.diagnostics.length > 0 ? ` (${plural(result.diagnostics.length, 'warning')})` : ''}, from ${source} in ${ms} ms\n`,
    );
  }
  return ExitCode.ok;
}

/** displayPath, except that the root itself is `.` and a path outside it is shown as given. */
function display(root: string, path: string): string {
  const shown = displayPath(root, path);
  if (shown === '') return '.';
  return isAbsolute(shown) ? path : shown;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`;
}

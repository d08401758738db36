import type { CliContext } from '../context.js';
import type { SetExit } from './index.js';
import { ExitCode, HubError } from '../../core/errors.js';
import { secretValues, withDotEnv } from '../../core/env.js';
import { makeRedactor } from '../../core/redact.js';
import { importFalPrices, importFromFiles, type ImportOrigin } from '../../fetch/import-files.js';
import { refreshRegistry } from '../../project/snapshots.js';
import { driftSummaryLines } from '../../fetch/drift.js';
import { ProgressDisplay } from '../../fetch/progress.js';
import { redactDiagnostic } from '../../fetch/redact.js';
import { DRIFT_MARKDOWN, type FetchRunResult } from '../../fetch/finish.js';
import { httpSettingsFromEnv, parseCount } from '../../fetch/settings.js';
import { printDiagnostics } from '../print.js';

export interface FetchOptions {
  provider?: Array<'fal' | 'comet'>;
  from?: string[];
  pricesFrom?: string[];
  asOf?: string;
  priceSource?: string;
  concurrency?: string;
  prune?: boolean;
  dryRun?: boolean;
}

/** The body of `api-hub fetch`, loaded only when the command runs; the HTTP stack only for a live fetch. */
export async function runFetchCommand(ctx: CliContext, opts: FetchOptions, setExit: SetExit): Promise<void> {
  const origin = importOrigin(opts);
  if (opts.pricesFrom) {
    if (opts.from) throw new HubError('give either --from or --prices-from: --from takes pricing responses along with the model pages');
    const providers = opts.provider ?? [];
    if (providers.length !== 1 || providers[0] !== 'fal')
      throw new HubError(
        '--prices-from prices the FAL snapshot: give --provider fal (Comet prices come with its /api/models catalog: `api-hub fetch --provider comet`, or --from with a saved /api/models response)',
      );
    const r = await importFalPrices(ctx.root, opts.pricesFrom, origin, refreshRegistry(ctx.root));
    report(ctx, r, (t) => t, true);
    setExit(ExitCode.ok);
    return;
  }
  if (opts.from) {
    const providers = opts.provider ?? [];
    if (providers.length !== 1) throw new HubError('--from imports one provider at a time: give exactly one --provider fal|comet');
    const r = await importFromFiles(ctx.root, providers[0]!, opts.from, {
      origin,
      prune: opts.prune === true,
      dryRun: opts.dryRun === true,
      afterCommit: refreshRegistry(ctx.root),
    });
    // A live fetch shows its notes as it goes (progress); an import shows them here.
    for (const p of r.providers) for (const n of p.notes) ctx.stderr(`note: ${p.provider}: ${n}\n`);
    report(ctx, r, (t) => t, true);
    setExit(ExitCode.ok);
    return;
  }
  if (opts.asOf !== undefined || opts.priceSource !== undefined)
    throw new HubError(
      '--as-of and --price-source label imported prices: use them with --prices-from or --from (a live fetch records its own source and date)',
    );
  if (opts.prune) throw new HubError("--prune applies to --from (a live fetch always replaces a provider's snapshot with the complete, checked listing)");
  // The live path alone loads the HTTP stack (ky, p-limit, the live fetchers); `--from` never needs it.
  const [{ runLiveFetch }, env] = await Promise.all([import('../../fetch/run.js'), withDotEnv(ctx.root, ctx.env)]);
  const redact = makeRedactor(secretValues(env));
  const out = { stdout: (t: string) => ctx.stdout(redact(t)), stderr: (t: string) => ctx.stderr(redact(t)) };
  const http = httpSettingsFromEnv(env);
  if (opts.concurrency !== undefined) http.concurrency = parseCount(opts.concurrency, '--concurrency', 1);
  const progress = new ProgressDisplay(out.stderr, ctx.quiet ? 'quiet' : ctx.plain ? 'plain' : 'tty');

  // Ctrl-C: stop the requests; nothing more is swapped in, so every snapshot
  // is either the previous one or a complete new one. A second Ctrl-C quits at once.
  const abort = new AbortController();
  let interrupts = 0;
  const onSigint = (): void => {
    interrupts++;
    if (interrupts > 1) process.exit(130);
    progress.end();
    out.stderr('api-hub: interrupting; the previous snapshots stay as they are (Ctrl-C again to quit at once)\n');
    abort.abort();
  };
  process.on('SIGINT', onSigint);
  let r: FetchRunResult;
  try {
    r = await runLiveFetch(ctx.root, {
      providers: opts.provider ?? [],
      env,
      http,
      signal: abort.signal,
      emit: (e) => progress.handle(e),
      afterCommit: refreshRegistry(ctx.root),
      dryRun: opts.dryRun === true,
    });
  } catch (err) {
    if (err instanceof HubError)
      throw new HubError(redact(err.message), { diagnostics: err.diagnostics.map((d) => redactDiagnostic(d, redact)), exitCode: err.exitCode });
    throw new Error(redact((err as Error)?.message ?? String(err)));
  } finally {
    process.off('SIGINT', onSigint);
    progress.end();
  }
  report(ctx, r, redact);
  if (r.interrupted) out.stderr('api-hub: interrupted; snapshots that were not complete were left as they were\n');
  setExit(r.interrupted || r.providers.some((p) => !p.ok) ? ExitCode.failure : ExitCode.ok);
}

/** `--as-of YYYY-MM-DD` (a real date) and `--price-source LABEL`, checked before anything is read. */
function importOrigin(opts: FetchOptions): ImportOrigin {
  const out: ImportOrigin = {};
  if (opts.asOf !== undefined) {
    const d = opts.asOf.trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`)) || new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d) {
      throw new HubError(`--as-of must be a date as YYYY-MM-DD (got ${JSON.stringify(opts.asOf)})`);
    }
    out.asOf = d;
  }
  if (opts.priceSource !== undefined) {
    const label = opts.priceSource.trim();
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(label))
      throw new HubError(`--price-source must be a short label of letters, digits, '.', '_' or '-' (got ${JSON.stringify(opts.priceSource)})`);
    out.priceSource = label;
  }
  return out;
}

function report(ctx: CliContext, r: FetchRunResult, redact: (t: string) => string, notes = false): void {
  const say = (t: string): void => ctx.stdout(redact(t));
  for (const p of r.providers) {
    printDiagnostics({ ...ctx, stderr: (t) => ctx.stderr(redact(t)) }, p.problems);
    if (!p.ok) {
      ctx.stderr(redact(`api-hub: ${p.error ?? `${p.provider}: failed`}\n`));
      continue;
    }
    if (ctx.quiet) continue;
    const c = p.change;
    say(
      `${p.provider}: ${p.models} models${r.dryRun ? ' (dry run)' : ''}` +
        (p.provider === 'fal' ? `, ${p.documents} OpenAPI documents, ${p.unavailable.length} without a document` : '') +
        (c ? `; files: ${c.added.length} added, ${c.changed.length} changed, ${c.removed.length} removed, ${c.unchanged} unchanged` : '') +
        '\n',
    );
    for (const id of p.unavailable) say(`  no document: ${id}\n`);
    if (notes) for (const n of p.notes) say(`  note: ${n}\n`);
  }
  if (r.dryRun) {
    ctx.stderr('dry run: nothing was written; this is what the fetch would change\n');
    for (const d of r.drift?.providers ?? []) {
      if (d.removed.length === 0) continue;
      say(
        `${d.provider}: would remove ${d.removed.length} model(s): ${d.removed.slice(0, 20).join(', ')}${d.removed.length > 20 ? `, … and ${d.removed.length - 20} more` : ''}\n`,
      );
    }
  }
  if (ctx.quiet || !r.drift) return;
  for (const line of driftSummaryLines(r.drift)) say(`${line}\n`);
  if (r.written.includes(DRIFT_MARKDOWN)) say(`drift report: ${DRIFT_MARKDOWN}\n`);
}

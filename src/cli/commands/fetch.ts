import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import type { SetExit } from './index.js';
import { ExitCode, HubError } from '../../core/errors.js';
import { withDotEnv } from '../../core/env.js';
import { importFromFiles } from '../../fetch/import-files.js';
import { driftSummaryLines } from '../../fetch/drift.js';
import { ProgressDisplay } from '../../fetch/progress.js';
import { makeRedactor, redactDiagnostic } from '../../fetch/redact.js';
import { DRIFT_MARKDOWN, runLiveFetch, secretsOf, type FetchRunResult } from '../../fetch/run.js';
import { httpSettingsFromEnv, parseCount } from '../../fetch/settings.js';
import { printDiagnostics } from '../print.js';

interface FetchOptions {
  provider?: Array<'fal' | 'comet'>;
  from?: string[];
  concurrency?: string;
}

export function registerFetch(program: Command, ctx: CliContext, setExit: SetExit): void {
  program
    .command('fetch')
    .description('refresh provider snapshots under specs/providers/ and data/model_registry.json, and report what changed')
    .addOption(new Option('--provider <name...>', 'provider(s) to refresh (default: both)').choices(['fal', 'comet']))
    .option('--from <file...>', 'import saved API responses instead of calling the live API (FAL: /v1/models pages, /v1/models/pricing; Comet: /v1/models, /api/models)')
    .option('--concurrency <n>', 'maximum parallel requests over the whole run (default 4)')
    .addHelpText(
      'after',
      `
Keys and URLs come from the environment or .env in the project root:
  FAL_API_KEY (or FAL_KEY)   optional for listing (higher rate limits), needed for prices
  COMET_API_KEY              needed for Comet's /v1/models
  FAL_API_BASE_URL, COMET_API_BASE_URL   override the API hosts
Writes specs/providers/**, data/model_registry.json and ${DRIFT_MARKDOWN} (+ .json).
Exit codes: 0 done; 2 a provider could not be fetched (its previous snapshot is kept).

Examples:
  api-hub fetch
  api-hub fetch --provider fal --concurrency 8
  api-hub fetch --provider fal --from fal.models.text-to-image.json fal.models.image-to-video.json
  api-hub fetch --provider comet --from v1-models.json api-models.json`,
    )
    .action(async (opts: FetchOptions) => {
      if (opts.from) {
        const providers = opts.provider ?? [];
        if (providers.length !== 1) throw new HubError('--from imports one provider at a time: give exactly one --provider fal|comet');
        const r = await importFromFiles(ctx.root, providers[0]!, opts.from);
        report(ctx, r, (t) => t);
        setExit(ExitCode.ok);
        return;
      }
      const env = await withDotEnv(ctx.root, ctx.env);
      const redact = makeRedactor([...secretsOf(env).values()]);
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
        r = await runLiveFetch(ctx.root, { providers: opts.provider ?? [], env, http, signal: abort.signal, emit: (e) => progress.handle(e) });
      } catch (err) {
        if (err instanceof HubError) throw new HubError(redact(err.message), { diagnostics: err.diagnostics.map((d) => redactDiagnostic(d, redact)), exitCode: err.exitCode });
        throw new Error(redact((err as Error)?.message ?? String(err)));
      } finally {
        process.off('SIGINT', onSigint);
        progress.end();
      }
      report(ctx, r, redact);
      if (r.interrupted) out.stderr('api-hub: interrupted; snapshots that were not complete were left as they were\n');
      setExit(r.interrupted || r.providers.some((p) => !p.ok) ? ExitCode.failure : ExitCode.ok);
    });
}

function report(ctx: CliContext, r: FetchRunResult, redact: (t: string) => string): void {
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
      `${p.provider}: ${p.models} models` +
        (p.provider === 'fal' ? `, ${p.documents} OpenAPI documents, ${p.unavailable.length} without a document` : '') +
        (c ? `; files: ${c.added.length} added, ${c.changed.length} changed, ${c.removed.length} removed, ${c.unchanged} unchanged` : '') +
        '\n',
    );
    for (const id of p.unavailable) say(`  no document: ${id}\n`);
  }
  if (ctx.quiet || !r.drift) return;
  for (const line of driftSummaryLines(r.drift)) say(`${line}\n`);
  if (r.written.includes(DRIFT_MARKDOWN)) say(`drift report: ${DRIFT_MARKDOWN}\n`);
}

import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import type { SetExit } from './index.js';
import { ExitCode } from '../../core/errors.js';
import { displayPath, isInside } from '../../core/paths.js';
import { HubError } from '../../core/errors.js';

interface DocsFlags {
  out: string;
  input?: string;
  json?: boolean;
}

export function registerDocs(program: Command, ctx: CliContext, setExit: SetExit): void {
  program
    .command('docs')
    .description(
      'write the hub as a static website (site/): the model catalog, a page per model and Comet family, the drift report, the unified document for download',
    )
    .option('-o, --out <dir>', 'where the site goes (replaced as a whole)', 'site')
    .option('-i, --input <file>', 'the unified document', 'specs/openapi.yaml')
    .option('--json', 'print a JSON summary: {out, files, bytes, ms}')
    .addHelpText(
      'after',
      '\nOpen site/index.html in a browser (no server needed), or serve the folder from any static host.\n\nExamples:\n  api-hub docs\n  api-hub docs --out /tmp/hub-site',
    )
    .action(async (flags: DocsFlags) => {
      setExit(await runDocs(ctx, flags));
    });
}

async function runDocs(ctx: CliContext, flags: DocsFlags): Promise<number> {
  const started = performance.now();
  const out = resolve(ctx.root, flags.out);
  if (out === ctx.root || isInside(out, ctx.root)) throw new HubError(`--out ${flags.out}: the site cannot replace the project root or a folder holding it`);
  const { buildSite, loadSiteInput, writeSite } = await import('../../site/index.js');
  const loaded = await loadSiteInput(ctx.root, flags.input === undefined ? undefined : resolve(ctx.root, flags.input));
  if (loaded.skipped > 0) ctx.stderr(`api-hub: ${loaded.files.registry}: ${loaded.skipped} entries without a provider or id were skipped\n`);
  if (!ctx.quiet && !ctx.plain) ctx.stderr(`api-hub docs: ${loaded.input.models.length} models, ${loaded.input.spec.index.operations.length} operations…\n`);
  const files = buildSite(loaded.input, { driftFile: loaded.files.drift });
  await writeSite(out, files, [{ path: loaded.input.spec.downloadName, content: loaded.specText }]);
  const ms = Math.round(performance.now() - started);
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.content), 0);
  const where = displayPath(ctx.root, out);
  if (flags.json) {
    ctx.stdout(
      JSON.stringify(
        { out: where, files: files.length + 1, bytes, documentBytes: loaded.input.spec.bytes, driftReport: loaded.files.driftFound, ms },
        null,
        2,
      ) + '\n',
    );
  } else if (!ctx.quiet) {
    ctx.stdout(
      `api-hub docs: wrote ${where}/ (${files.length + 1} files, ${(bytes / 1048576).toFixed(1)} MB of pages + the ${(loaded.input.spec.bytes / 1048576).toFixed(1)} MB document) in ${(ms / 1000).toFixed(1)} s` +
        `${loaded.files.driftFound ? '' : `; no ${loaded.files.drift} yet`}\nopen ${where}/index.html\n`,
    );
  }
  return ExitCode.ok;
}

import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import type { SetExit } from './index.js';
import { HubError, NotImplementedError } from '../../core/errors.js';
import { importFromFiles } from '../../fetch/import-files.js';
import { printDiagnostics } from '../print.js';

interface FetchOptions {
  provider?: Array<'fal' | 'comet'>;
  from?: string[];
  concurrency?: string;
}

export function registerFetch(program: Command, ctx: CliContext, setExit: SetExit): void {
  program
    .command('fetch')
    .description('refresh provider snapshots under specs/providers/ and data/model_registry.json')
    .addOption(new Option('--provider <name...>', 'provider(s) to refresh').choices(['fal', 'comet']))
    .option('--from <file...>', 'import saved API responses instead of calling the live API (FAL: /v1/models pages; Comet: /v1/models)')
    .option('--concurrency <n>', 'maximum parallel requests (live fetch)')
    .addHelpText(
      'after',
      `
Examples:
  api-hub fetch --provider fal --from fal.models.text-to-image.json fal.models.image-to-video.json
  api-hub fetch --provider comet --from v1-models.json`,
    )
    .action(async (opts: FetchOptions) => {
      if (!opts.from) throw new NotImplementedError('live fetching from the provider APIs (`api-hub fetch` without --from)');
      const providers = opts.provider ?? [];
      if (providers.length !== 1) throw new HubError('--from imports one provider at a time: give exactly one --provider fal|comet');
      const r = await importFromFiles(ctx.root, providers[0]!, opts.from);
      printDiagnostics(ctx, r.problems);
      if (!ctx.quiet) {
        const c = r.change;
        ctx.stdout(
          `${r.provider}: ${r.models} models` +
            (r.provider === 'fal' ? `, ${r.documents} OpenAPI documents, ${r.unavailable.length} without a document` : '') +
            `; files: ${c.added.length} added, ${c.changed.length} changed, ${c.removed.length} removed, ${c.unchanged} unchanged\n`,
        );
        for (const id of r.unavailable) ctx.stdout(`  no document: ${id}\n`);
      }
      setExit(0);
    });
}

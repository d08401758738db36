import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import type { SetExit } from './index.js';
import type { FetchOptions } from './fetch-run.js';

export function registerFetch(program: Command, ctx: CliContext, setExit: SetExit): void {
  program
    .command('fetch')
    .description('refresh provider snapshots under specs/providers/ and data/model_registry.json, and report what changed')
    .addOption(new Option('--provider <name...>', 'provider(s) to refresh (default: both)').choices(['fal', 'comet']))
    .option(
      '--from <file...>',
      'import saved API responses instead of calling the live API (FAL: /v1/models pages, /v1/models/pricing; Comet: /v1/models, /api/models)',
    )
    .option(
      '--prices-from <file...>',
      "replace the FAL snapshot's prices with saved /v1/models/pricing responses (or a price list in that shape); the listing and documents stay",
    )
    .option('--as-of <date>', 'with --prices-from or --from: the date (YYYY-MM-DD) the imported prices are valid for (default: today)')
    .option('--price-source <label>', 'with --prices-from or --from: where the imported prices come from (default: fal-pricing-api)')
    .option(
      '--prune',
      'with --from: replace the snapshot with exactly the files, even when they hold only some FAL categories (removes the models not in them)',
    )
    .option('--dry-run', 'fetch or read, and show what would change; write nothing')
    .option('--concurrency <n>', 'maximum parallel requests over the whole run (default 4)')
    .addHelpText(
      'after',
      `
Keys and URLs come from the environment or .env in the project root:
  FAL_API_KEY (or FAL_KEY)   optional for listing (higher rate limits), needed for prices
                             (a keyed fetch replaces every FAL price, source fal-pricing-api, dated today)
  COMET_API_KEY              needed for Comet's /v1/models
  FAL_API_BASE_URL, COMET_API_BASE_URL   override the API hosts
  Base URLs must be https:// (a key is never sent in clear text); http:// only for loopback.
Writes specs/providers/**, data/model_registry.json and specs/drift-report.md (+ .json).

A partial import never deletes: FAL files that lack some of the snapshot's categories (e.g. two
category listings) are merged into the snapshot, and the other models are kept. --prune replaces
the snapshot with exactly the files. Files with every category replace it, as a live fetch does.
Exit codes: 0 done; 2 a provider could not be fetched (its previous snapshot is kept).

Examples:
  api-hub fetch
  api-hub fetch --provider fal --concurrency 8
  api-hub fetch --provider fal --from fal.models.text-to-image.json fal.models.image-to-video.json
  api-hub fetch --provider fal --from fal.models.*.json --dry-run
  api-hub fetch --provider comet --from v1-models.json api-models.json
  api-hub fetch --provider fal --prices-from fal-prices.public-snapshot.json --price-source fal-public-snapshot --as-of 2025-10-30`,
    )
    .action(async (opts: FetchOptions) => {
      const { runFetchCommand } = await import('./fetch-run.js');
      await runFetchCommand(ctx, opts, setExit);
    });
}

import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import type { SetExit } from './index.js';
import { ExitCode, HubError } from '../../core/errors.js';

interface ModelsFlags {
  provider?: string;
  category?: string;
  status?: string;
  limit?: string;
  json?: boolean;
}

export function registerModels(program: Command, ctx: CliContext, setExit: SetExit): void {
  program
    .command('models')
    .description('search the model registry (data/model_registry.json): id, category, status and price (with its source and date)')
    .argument('[query...]', 'free text: every word must match the id, name, category or tags')
    .addOption(new Option('--provider <name>', 'only this provider').choices(['fal', 'comet']))
    .option('--category <category>', 'only this category, e.g. image-to-video')
    .option('--status <status>', 'only this status: active, deprecated, unavailable')
    .option('--limit <n>', 'print at most N models')
    .option('--json', 'print JSON: {total, models: [...]}')
    .addHelpText(
      'after',
      '\nExamples:\n  api-hub models flux\n  api-hub models --category text-to-video            # FAL and Comet\n  api-hub models --provider comet --category image-to-video\n  api-hub models kling --json',
    )
    .action(async (query: string[], flags: ModelsFlags) => {
      const limit = flags.limit === undefined ? undefined : Number(flags.limit);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
        throw new HubError(`--limit must be a whole number >= 1 (got ${JSON.stringify(flags.limit)})`);
      // The catalog modules only: the MCP server (SDK, zod, every tool) is not needed to read the registry.
      const [{ HubCatalog }, { searchModels, summarizeModel }, { howToGetPrice }] = await Promise.all([
        import('../../project/catalog/hub-data.js'),
        import('../../project/catalog/models.js'),
        import('../../project/catalog/registry-read.js'),
      ]);
      const index = await new HubCatalog({ root: ctx.root }).registry();
      if (index.skipped > 0) ctx.stderr(`api-hub: ${index.file}: ${index.skipped} entries without a provider or id were skipped\n`);
      const hits = searchModels(index, { query: query.join(' '), provider: flags.provider, category: flags.category, status: flags.status });
      const shown = (limit === undefined ? hits : hits.slice(0, limit)).map(summarizeModel);
      if (flags.json) {
        ctx.stdout(JSON.stringify({ total: hits.length, models: shown }, null, 2) + '\n');
      } else if (hits.length === 0) {
        ctx.stderr('no model matches\n');
      } else {
        ctx.stdout(
          table(
            ['PROVIDER', 'ID', 'CATEGORY', 'STATUS', 'PRICE'],
            shown.map((m) => [m.provider, m.id, m.category ?? '-', m.status, m.price ?? '-']),
          ),
        );
        const priced = shown.filter((m) => m.price !== null).length;
        if (!ctx.quiet) {
          ctx.stderr(
            `${hits.length} model${hits.length === 1 ? '' : 's'}${shown.length < hits.length ? `, ${shown.length} shown` : ''}; ${priced} with a price in the registry\n`,
          );
          // A model without a price says how to get one (once per provider).
          for (const provider of [...new Set(shown.filter((m) => m.price === null).map((m) => m.provider))].sort())
            ctx.stderr(`no price for ${provider} models marked -: ${howToGetPrice(provider)}\n`);
        }
      }
      setExit(ExitCode.ok);
    });
}

/** Left-aligned columns, two spaces apart; the last column is not padded. */
export function table(head: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd() + '\n';
  return line(head) + rows.map(line).join('');
}

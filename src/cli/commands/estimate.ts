import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import type { SetExit } from './index.js';
import { ExitCode, HubError } from '../../core/errors.js';

interface EstimateFlags {
  units?: string;
  calls?: string;
  live?: boolean;
  json?: boolean;
}

export function registerEstimate(program: Command, ctx: CliContext, setExit: SetExit): void {
  program
    .command('estimate')
    .description(
      "estimate the cost of a model: the registry unit price × units (offline; the price's source and date are shown), or FAL's pricing API with --live",
    )
    .argument('<endpoint>', 'model id, e.g. fal-ai/flux/dev (any registry model with a unit price)')
    .option('--units <n>', "how many of the model's price units (images, seconds, videos, …)")
    .option('--calls <n>', "how many calls, priced by FAL's historical per-call price (needs --live)")
    .option('--live', "ask FAL's POST /v1/models/pricing/estimate (FAL_API_KEY or FAL_KEY; FAL_API_BASE_URL)")
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  api-hub estimate fal-ai/flux/dev --units 4\n  api-hub estimate fal-ai/kling-video/v2/master/image-to-video --calls 10 --live',
    )
    .action(async (endpoint: string, flags: EstimateFlags) => {
      if ((flags.units === undefined) === (flags.calls === undefined)) throw new HubError('give exactly one of --units N or --calls N');
      const raw = flags.units ?? flags.calls ?? '';
      const quantity = Number(raw);
      if (!Number.isFinite(quantity) || quantity <= 0)
        throw new HubError(`${flags.units !== undefined ? '--units' : '--calls'} must be a number greater than 0 (got ${JSON.stringify(raw)})`);
      // The catalog modules only: the MCP server (SDK, zod, every tool) is not needed for an estimate.
      const [{ HubCatalog }, { estimateCost }, { withDotEnv }] = await Promise.all([
        import('../../project/catalog/hub-data.js'),
        import('../../project/catalog/estimate-cost.js'),
        import('../../core/env.js'),
      ]);
      const index = await new HubCatalog({ root: ctx.root }).registry();
      const env = flags.live ? await withDotEnv(ctx.root, ctx.env) : ctx.env;
      const answer = await estimateCost(index, env, globalThis.fetch, {
        endpointId: endpoint,
        quantity,
        mode: flags.calls !== undefined ? 'calls' : 'units',
        live: flags.live ?? false,
      });
      if (!answer.ok) {
        const hint = answer.suggestions.length > 0 ? `\n  nearest: ${answer.suggestions.join(', ')}` : '';
        throw new HubError(answer.message + hint);
      }
      if (flags.json) ctx.stdout(JSON.stringify({ estimates: answer.estimates, notes: answer.notes }, null, 2) + '\n');
      else {
        for (const e of answer.estimates) ctx.stdout(`${e.endpointId}: ${e.text}\n`);
        for (const n of answer.notes) ctx.stderr(`note: ${n}\n`);
      }
      setExit(ExitCode.ok);
    });
}

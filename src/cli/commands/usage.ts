import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import type { SetExit } from './index.js';
import type { UsageFlags } from './usage-run.js';

/** `api-hub usage`: spend per model and day from FAL's usage API and Comet's quota, and the anomalies in it. */
export function registerUsage(program: Command, ctx: CliContext, setExit: SetExit): void {
  program
    .command('usage')
    .description('spend per model and day (FAL usage API, Comet quota) and its anomalies: spikes, new models, unfamiliar keys, a balance running out')
    .option('--provider <name>', 'fal, comet or all (all: every provider whose key is set)', 'all')
    .option('--since <date>', 'first reported day, YYYY-MM-DD (UTC)')
    .option('--days <n>', 'report the last N days, today included (default 7)')
    .option('--until <date>', 'last reported day, YYYY-MM-DD (default today, UTC)')
    .option('--json', 'print the report as JSON')
    .option('--fail-on <what>', 'exit 1 when there is an anomaly (`anomaly`), for a scheduled job')
    .option('--spike-factor <x>', "a day above X × the model's trailing median is a spike (default 3)")
    .option('--min-spend <amount>', "a spike also needs at least this spend in a day, in the provider's currency (default 1)")
    .option('--window <days>', 'trailing days each day is compared with; also read before the report (default 14)')
    .option('--runway-days <n>', 'flag a balance that runs out within N days at the rate of the last 7 days (default 7)')
    .option('--state <path|off>', 'models and keys seen before (names only), the baseline of the first-use rules', '.api-hub/usage-state.json')
    .option('--no-save-state', 'read the state file but do not add what this run saw')
    .addHelpText(
      'after',
      `
Keys (environment or .env; never printed):
  FAL    FAL_ADMIN_KEY (an admin key: GET /v1/models/usage needs one); FAL_API_KEY or FAL_KEY if they hold one
  Comet  COMET_QUOTA_KEY (a query-only key, as Comet advises: it travels in the URL), else COMET_API_KEY
Base URLs (tests, gateways; https unless loopback): FAL_API_BASE_URL, COMET_QUOTA_API_BASE_URL

Exit 0: report printed (anomalies are printed, not failed on, unless --fail-on anomaly);
1: anomalies with --fail-on anomaly; 2: could not read the usage (no key, key refused, network).

Examples:
  api-hub usage
  api-hub usage --provider fal --days 30 --json
  api-hub usage --fail-on anomaly --spike-factor 4 --min-spend 5     # a daily job`,
    )
    .action(async (flags: UsageFlags) => {
      const { runUsageCommand } = await import('./usage-run.js');
      await runUsageCommand(flags, ctx, setExit);
    });
}

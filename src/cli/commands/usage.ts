import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import type { SetExit } from './index.js';
import { ExitCode, HubError } from '../../core/errors.js';

interface UsageFlags {
  provider: string;
  since?: string;
  days?: string;
  until?: string;
  json?: boolean;
  failOn?: string;
  spikeFactor?: string;
  minSpend?: string;
  window?: string;
  runwayDays?: string;
  state: string;
  saveState: boolean;
}

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
      const [{ withDotEnv, secretValues }, { makeRedactor, redactError }, usage] = await Promise.all([
        import('../../core/env.js'),
        import('../../core/redact.js'),
        import('../../usage/index.js'),
      ]);
      if (flags.failOn !== undefined && flags.failOn !== 'anomaly') throw new HubError(`--fail-on takes \`anomaly\` (got ${JSON.stringify(flags.failOn)})`);
      if (!['fal', 'comet', 'all'].includes(flags.provider)) throw new HubError(`--provider takes fal, comet or all (got ${JSON.stringify(flags.provider)})`);
      if (flags.since !== undefined && flags.days !== undefined) throw new HubError('give --since or --days, not both');
      const number = (v: string | undefined, flag: string, fallback: number, min: number, whole = false): number => {
        if (v === undefined) return fallback;
        const n = Number(v);
        if (v.trim() === '' || !Number.isFinite(n) || n < min || (whole && !Number.isInteger(n)))
          throw new HubError(`${flag} must be ${whole ? 'a whole number' : 'a number'} ≥ ${min} (got ${JSON.stringify(v)})`);
        return n;
      };
      const day = (v: string, flag: string): string => {
        if (!usage.isDay(v)) throw new HubError(`${flag} must be a date YYYY-MM-DD (got ${JSON.stringify(v)})`);
        return v;
      };
      const today = usage.dayOf(new Date());
      const until = flags.until === undefined ? today : day(flags.until, '--until');
      const from = flags.since !== undefined ? day(flags.since, '--since') : usage.addDays(until, -(number(flags.days, '--days', 7, 1, true) - 1));
      if (from > until) throw new HubError(`--since ${from} is after --until ${until}`);
      const options = {
        ...usage.DEFAULT_ANOMALY_OPTIONS,
        spikeFactor: number(flags.spikeFactor, '--spike-factor', usage.DEFAULT_ANOMALY_OPTIONS.spikeFactor, 1),
        minSpend: number(flags.minSpend, '--min-spend', usage.DEFAULT_ANOMALY_OPTIONS.minSpend, 0),
        trailingDays: number(flags.window, '--window', usage.DEFAULT_ANOMALY_OPTIONS.trailingDays, 1, true),
        runwayDays: number(flags.runwayDays, '--runway-days', usage.DEFAULT_ANOMALY_OPTIONS.runwayDays, 0),
      };

      const env = await withDotEnv(ctx.root, ctx.env);
      const redactEnv = makeRedactor(secretValues(env));
      const redactUrl = usage.urlKeyRedactor(secretValues(env));
      const redact = (t: string): string => redactUrl(redactEnv(t));
      const out = (t: string): void => ctx.stdout(redact(t));
      const err = (t: string): void => ctx.stderr(redact(t));
      let result: Awaited<ReturnType<typeof usage.runUsage>>;
      try {
        result = await usage.runUsage({
          root: ctx.root,
          env,
          provider: flags.provider as 'fal' | 'comet' | 'all',
          from,
          until,
          options,
          statePath: flags.state === 'off' ? null : flags.state,
          saveState: flags.saveState,
          onRetry: (line) => (ctx.quiet ? undefined : err(`${line}\n`)),
        });
      } catch (e) {
        throw redactError(e, redact);
      }
      const r = result.report;
      for (const n of r.notes) if (!ctx.quiet) err(`note: ${n}\n`);
      for (const p of r.problems)
        if (!ctx.quiet || p.severity === 'error')
          err(`${p.severity === 'error' ? 'error' : 'warning'}: ${p.file ?? ''} ${p.pointer ? `(${p.pointer}) ` : ''}${p.message} [${p.ruleId}]\n`);
      if (flags.json) out(`${JSON.stringify(r, null, 2)}\n`);
      else out(usage.formatUsageText(r, { quiet: ctx.quiet, plain: ctx.plain }));
      setExit(flags.failOn === 'anomaly' && r.anomalies.length > 0 ? ExitCode.findings : ExitCode.ok);
    });
}

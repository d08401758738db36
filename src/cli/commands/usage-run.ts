import type { CliContext } from '../context.js';
import type { SetExit } from './index.js';
import { ExitCode, HubError } from '../../core/errors.js';
import { secretValues, withDotEnv } from '../../core/env.js';
import { makeRedactor, redactError } from '../../core/redact.js';
import {
  addDays,
  type AnomalyOptions,
  DEFAULT_ANOMALY_OPTIONS,
  dayOf,
  formatUsageText,
  isDay,
  runUsage,
  type UsageReport,
  type UsageRunResult,
  urlKeyRedactor,
} from '../../usage/index.js';

export interface UsageFlags {
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

/** The reported days and the anomaly thresholds the flags ask for. */
interface UsageRange {
  from: string;
  until: string;
  options: AnomalyOptions;
}

/** The body of `api-hub usage`, loaded only when the command runs. */
export async function runUsageCommand(flags: UsageFlags, ctx: CliContext, setExit: SetExit): Promise<void> {
  const { from, until, options } = usageRange(flags);
  const env = await withDotEnv(ctx.root, ctx.env);
  const redactEnv = makeRedactor(secretValues(env));
  const redactUrl = urlKeyRedactor(secretValues(env));
  const redact = (t: string): string => redactUrl(redactEnv(t));
  const err = (t: string): void => ctx.stderr(redact(t));
  let result: UsageRunResult;
  try {
    result = await runUsage({
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
  printUsageReport(r, flags, ctx, redact);
  setExit(flags.failOn === 'anomaly' && r.anomalies.length > 0 ? ExitCode.findings : ExitCode.ok);
}

/** Checks the flags and works out the days to report and the thresholds; throws a HubError on a bad flag. */
function usageRange(flags: UsageFlags): UsageRange {
  if (flags.failOn !== undefined && flags.failOn !== 'anomaly') throw new HubError(`--fail-on takes \`anomaly\` (got ${JSON.stringify(flags.failOn)})`);
  if (!['fal', 'comet', 'all'].includes(flags.provider)) throw new HubError(`--provider takes fal, comet or all (got ${JSON.stringify(flags.provider)})`);
  if (flags.since !== undefined && flags.days !== undefined) throw new HubError('give --since or --days, not both');
  const today = dayOf(new Date());
  const until = flags.until === undefined ? today : dayFlag(flags.until, '--until');
  const from = flags.since !== undefined ? dayFlag(flags.since, '--since') : addDays(until, -(numberFlag(flags.days, '--days', 7, 1, true) - 1));
  if (from > until) throw new HubError(`--since ${from} is after --until ${until}`);
  const options = {
    ...DEFAULT_ANOMALY_OPTIONS,
    spikeFactor: numberFlag(flags.spikeFactor, '--spike-factor', DEFAULT_ANOMALY_OPTIONS.spikeFactor, 1),
    minSpend: numberFlag(flags.minSpend, '--min-spend', DEFAULT_ANOMALY_OPTIONS.minSpend, 0),
    trailingDays: numberFlag(flags.window, '--window', DEFAULT_ANOMALY_OPTIONS.trailingDays, 1, true),
    runwayDays: numberFlag(flags.runwayDays, '--runway-days', DEFAULT_ANOMALY_OPTIONS.runwayDays, 0),
  };
  return { from, until, options };
}

/** A numeric flag: the fallback when absent, else a number ≥ min (whole when asked). */
function numberFlag(v: string | undefined, flag: string, fallback: number, min: number, whole = false): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < min || (whole && !Number.isInteger(n)))
    throw new HubError(`${flag} must be ${whole ? 'a whole number' : 'a number'} ≥ ${min} (got ${JSON.stringify(v)})`);
  return n;
}

/** A date flag, YYYY-MM-DD. */
function dayFlag(v: string, flag: string): string {
  if (!isDay(v)) throw new HubError(`${flag} must be a date YYYY-MM-DD (got ${JSON.stringify(v)})`);
  return v;
}

/** Notes and problems to stderr, the report (text or JSON) to stdout, all redacted. */
function printUsageReport(r: UsageReport, flags: UsageFlags, ctx: CliContext, redact: (t: string) => string): void {
  const out = (t: string): void => ctx.stdout(redact(t));
  const err = (t: string): void => ctx.stderr(redact(t));
  for (const n of r.notes) if (!ctx.quiet) err(`note: ${n}\n`);
  for (const p of r.problems)
    if (!ctx.quiet || p.severity === 'error')
      err(`${p.severity === 'error' ? 'error' : 'warning'}: ${p.file ?? ''} ${p.pointer ? `(${p.pointer}) ` : ''}${p.message} [${p.ruleId}]\n`);
  if (flags.json) out(`${JSON.stringify(r, null, 2)}\n`);
  else out(formatUsageText(r, { quiet: ctx.quiet, plain: ctx.plain }));
}

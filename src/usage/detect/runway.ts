import { addDays } from '../dates.js';
import type { UsageAnomaly } from '../types.js';
import { money, type Detector } from './context.js';

/**
 * `usage-balance-runway`: a balance (Comet's account `total_quota`, or a key's
 * own `remain_quota`) that runs out within `runwayDays` at the current rate,
 * the mean daily spend of the last `rateDays` reported days (of the account, or
 * of that key). An exhausted balance (≤ 0) is flagged whatever the rate.
 */
export const detectRunway: Detector = (ctx) => {
  const o = ctx.options;
  const first = addDays(ctx.until, -(o.rateDays - 1));
  const out: UsageAnomaly[] = [];
  for (const b of ctx.balances) {
    const key = b.scope.startsWith('key:') ? b.scope.slice(4) : undefined;
    let spent = 0;
    for (const r of ctx.records) {
      if (r.provider === b.provider && r.currency === b.currency && r.day >= first && r.day <= ctx.until && (key === undefined || r.key === key))
        spent += r.cost;
    }
    const rate = spent / o.rateDays;
    const what =
      key === undefined ? `${b.provider === 'comet' ? 'Comet' : 'FAL'} account balance` : `${b.provider === 'comet' ? 'Comet' : 'FAL'} key "${key}" quota`;
    const base = {
      ruleId: 'usage-balance-runway' as const,
      severity: 'warn' as const,
      provider: b.provider,
      ...(key === undefined ? {} : { key }),
      baseline: o.runwayDays,
    };
    if (b.remaining <= 0) {
      out.push({
        ...base,
        value: 0,
        message: `${what} is exhausted (${money(b.remaining, b.currency)} left)`,
        suggestion: 'top up now: calls are refused without credit',
      });
      continue;
    }
    if (rate <= 0) continue;
    const daysLeft = b.remaining / rate;
    if (daysLeft >= o.runwayDays) continue;
    out.push({
      ...base,
      value: Math.round(daysLeft * 10) / 10,
      message: `${what} of ${money(b.remaining, b.currency)} lasts about ${daysLeft.toFixed(1)} day(s) at ${money(rate, b.currency)}/day (the last ${o.rateDays} days); threshold ${o.runwayDays} days`,
      suggestion: 'top up, or find what drives the spend',
    });
  }
  return out;
};

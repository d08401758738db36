import { dailyByModel, median } from '../aggregate.js';
import { addDays } from '../dates.js';
import type { UsageAnomaly } from '../types.js';
import { modelLabel, money, type Detector } from './context.js';

/**
 * `usage-spike`: a reported day whose spend on a model is above `spikeFactor` ×
 * the median of that model's spend over the `trailingDays` before it, and at
 * least `minSpend`. The median is over the days the model was used (a model used
 * twice a week is not compared with its idle days); with fewer than
 * `minHistoryDays` such days there is no baseline and no finding (a model with
 * no history is the `usage-new-model` rule's case).
 */
export const detectSpikes: Detector = (ctx) => {
  const o = ctx.options;
  const out: UsageAnomaly[] = [];
  // The trailing days of each reported day, worked out once (not once per model).
  const before = new Map<string, string[]>();
  const trailing = (day: string): string[] => {
    let days = before.get(day);
    if (!days) before.set(day, (days = Array.from({ length: o.trailingDays }, (_, k) => addDays(day, -(k + 1)))));
    return days;
  };
  for (const s of dailyByModel(ctx.records).values()) {
    for (const [day, cost] of s.days) {
      if (day < ctx.from || day > ctx.until || cost < o.minSpend) continue;
      const history: number[] = [];
      for (const d of trailing(day)) {
        const c = s.days.get(d);
        if (c !== undefined && c > 0) history.push(c);
      }
      if (history.length < o.minHistoryDays) continue;
      const m = median(history);
      if (cost <= o.spikeFactor * m) continue;
      out.push({
        ruleId: 'usage-spike',
        severity: 'warn',
        provider: s.provider,
        model: s.model,
        day,
        value: cost,
        baseline: m,
        message: `${modelLabel(s.provider, s.model)} spent ${money(cost, s.currency)} on ${day}, ${(cost / m).toFixed(1)}× its median of ${money(m, s.currency)} (${history.length} day(s) with spend in the ${o.trailingDays} before)`,
        suggestion: 'check who called it (the key column) and whether a job loops or retries',
      });
    }
  }
  return out;
};

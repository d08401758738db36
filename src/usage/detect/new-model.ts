import { ALL_MODELS, type UsageAnomaly, type UsageProvider } from '../types.js';
import { modelLabel, money, type Detector } from './context.js';

/**
 * `usage-new-model`: a model with spend in the reported days that was never
 * used before: not in the state file of earlier runs, and without spend in the
 * trailing days read before the report. One finding per model, on its first day.
 * Comet's figures are per key, not per model, so the rule sees FAL models only.
 */
export const detectNewModels: Detector = (ctx) => {
  const known = new Map<UsageProvider, Set<string>>();
  const knownOf = (p: UsageProvider): Set<string> => {
    let s = known.get(p);
    if (!s) known.set(p, (s = new Set(ctx.known.models[p])));
    return s;
  };
  for (const r of ctx.records) if (r.day < ctx.from) knownOf(r.provider).add(r.model);
  const out: UsageAnomaly[] = [];
  for (const r of ctx.records) {
    if (r.day < ctx.from || r.day > ctx.until || r.model === ALL_MODELS || r.cost <= 0) continue;
    const set = knownOf(r.provider);
    if (set.has(r.model)) continue;
    set.add(r.model);
    out.push({
      ruleId: 'usage-new-model',
      severity: 'warn',
      provider: r.provider,
      model: r.model,
      day: r.day,
      value: r.cost,
      message: `${modelLabel(r.provider, r.model)} was used for the first time on ${r.day} (${money(r.cost, r.currency)}${r.key ? `, by ${r.key}` : ''})`,
      suggestion: 'expected if someone started using this model; otherwise check the key that called it',
    });
  }
  return out;
};

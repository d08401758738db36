import { ALL_MODELS, type UsageAnomaly } from '../types.js';
import { firstUses, modelLabel, money, type Detector } from './context.js';

/**
 * `usage-new-model`: a model with spend in the reported days that was never
 * used before: not in the state file of earlier runs, and without spend in the
 * trailing days read before the report. One finding per model, on its first day.
 * Comet's figures are per key, not per model, so the rule sees FAL models only.
 */
export const detectNewModels: Detector = (ctx) =>
  firstUses(ctx, ctx.known.models, (r) => (r.model === ALL_MODELS ? undefined : r.model)).firsts.map(
    ({ record: r }): UsageAnomaly => ({
      ruleId: 'usage-new-model',
      severity: 'warn',
      provider: r.provider,
      model: r.model,
      day: r.day,
      value: r.cost,
      message: `${modelLabel(r.provider, r.model)} was used for the first time on ${r.day} (${money(r.cost, r.currency)}${r.key ? `, by ${r.key}` : ''})`,
      suggestion: 'expected if someone started using this model; otherwise check the key that called it',
    }),
  );

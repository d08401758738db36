import { cmp } from '../../core/diagnostic.js';
import type { AnomalyRule, UsageAnomaly } from '../types.js';
import type { DetectContext, Detector } from './context.js';
import { detectNewModels } from './new-model.js';
import { detectRunway } from './runway.js';
import { detectSpikes } from './spike.js';
import { detectUnfamiliarKeys } from './unfamiliar-key.js';

/** The anomaly rules, by id: one small file each, its test beside it. */
export const detectors: Readonly<Record<AnomalyRule, Detector>> = {
  'usage-spike': detectSpikes,
  'usage-new-model': detectNewModels,
  'usage-unfamiliar-key': detectUnfamiliarKeys,
  'usage-balance-runway': detectRunway,
};

/** Every rule over the context, in a stable order (day, rule, provider, model, key). */
export function detectAnomalies(ctx: DetectContext): UsageAnomaly[] {
  const out = Object.values(detectors).flatMap((d) => d(ctx));
  return out.sort(
    (a, b) =>
      cmp(a.day ?? '~', b.day ?? '~') ||
      cmp(a.ruleId, b.ruleId) ||
      cmp(a.provider, b.provider) ||
      cmp(a.model ?? '', b.model ?? '') ||
      cmp(a.key ?? '', b.key ?? ''),
  );
}

export type { DetectContext, Detector } from './context.js';

import type { AnomalyOptions, Balance, KnownSets, SpendRecord, UsageAnomaly, UsageProvider } from '../types.js';

/** What every anomaly rule looks at: the merged spend of the whole window read (trailing days + reported days). */
export interface DetectContext {
  /** Merged records (aggregate.ts), from `from - trailingDays` to `until`. */
  records: readonly SpendRecord[];
  /** First and last reported day (inclusive). Days before `from` are history only. */
  from: string;
  until: string;
  balances: readonly Balance[];
  /** Keys the provider lists for the account (Comet's `keys[]`), whether used or not. */
  keyNames: Readonly<Record<UsageProvider, readonly string[]>>;
  known: KnownSets;
  options: AnomalyOptions;
}

/** One anomaly rule: a pure function of the context. */
export type Detector = (ctx: DetectContext) => UsageAnomaly[];

/** How a model is named in messages: Comet's per-key figures cover every model. */
export function modelLabel(provider: UsageProvider, model: string): string {
  return model === '*' ? `${provider === 'comet' ? 'Comet' : 'FAL'} (all models)` : model;
}

/** An amount for a message: 2 decimals, more for small sums. */
export function money(n: number, currency: string): string {
  return `${Math.abs(n) < 0.01 && n !== 0 ? n.toPrecision(2) : n.toFixed(2)} ${currency}`;
}

import type { Diagnostic } from '../core/diagnostic.js';

/** The providers whose spend the hub reads. */
export type UsageProvider = 'fal' | 'comet';
export const USAGE_PROVIDERS: readonly UsageProvider[] = ['comet', 'fal'];

/** Comet's quota reports spend per key and day, not per model: its records carry this model. */
export const ALL_MODELS = '*';

/**
 * One line of spend: a provider, a UTC day, a model, a key (FAL's `auth_method`
 * alias, Comet's `token_name`), and what it cost. The one model both providers'
 * answers are normalized into.
 */
export interface SpendRecord {
  provider: UsageProvider;
  /** `YYYY-MM-DD`, the day of the provider's bucket (requested in UTC). */
  day: string;
  /** FAL endpoint id; `*` for Comet (its quota has no per-model figure). */
  model: string;
  /** FAL auth method (key alias) or Comet key name; `''` when the provider did not say. */
  key: string;
  cost: number;
  currency: string;
  /** Billed units (FAL), when known. */
  quantity?: number;
  unit?: string;
  /** Requests (Comet), when known. */
  requests?: number;
}

/** A balance the provider reports (Comet's account, and each Comet key with a quota). */
export interface Balance {
  provider: UsageProvider;
  /** `account`, or `key:<name>` for a key's own quota. */
  scope: string;
  /** What is left, in `currency`. */
  remaining: number;
  currency: string;
  /** Spent so far (as the provider counts it), when known. */
  used?: number;
}

/** A finding of the usage report: a diagnostic with what it is about. */
export interface UsageAnomaly extends Diagnostic {
  ruleId: AnomalyRule;
  provider: UsageProvider;
  model?: string;
  key?: string;
  day?: string;
  /** The figure that tripped the rule (spend of the day, days left). */
  value?: number;
  /** What it was compared with (the trailing median, the threshold in days). */
  baseline?: number;
}

export type AnomalyRule = 'usage-spike' | 'usage-new-model' | 'usage-unfamiliar-key' | 'usage-balance-runway';

export interface AnomalyOptions {
  /** A day is a spike when its spend is above `spikeFactor` × the model's trailing median. */
  spikeFactor: number;
  /** …and at least this much (in the record's currency): small sums never alarm. */
  minSpend: number;
  /** Days before each reported day that make its trailing window (also how far back the hub reads). */
  trailingDays: number;
  /** Days with spend needed in the window before a median means anything. */
  minHistoryDays: number;
  /** A balance that runs out within this many days at the current rate is flagged. */
  runwayDays: number;
  /** The current rate: mean daily spend over this many days ending with the last reported day. */
  rateDays: number;
}

export const DEFAULT_ANOMALY_OPTIONS: AnomalyOptions = {
  spikeFactor: 3,
  minSpend: 1,
  trailingDays: 14,
  minHistoryDays: 3,
  runwayDays: 7,
  rateDays: 7,
};

/** Models and keys seen before, per provider (the state file, see state.ts). */
export interface KnownSets {
  models: Record<UsageProvider, ReadonlySet<string>>;
  keys: Record<UsageProvider, ReadonlySet<string>>;
  /** Whether these came from an earlier run (false on the first run: only the trailing window is the baseline). */
  fromState: boolean;
}

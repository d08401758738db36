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

/**
 * The first spend of each name (`nameOf` a record: a model, a key; undefined to skip it) in the
 * reported days, among the names known before: those of `seed` (the state file of earlier runs) and
 * those with spend in the trailing days. `knownOf` gives the known set of a provider, updated with
 * each first use, for a rule that checks more names against it.
 */
export function firstUses(
  ctx: DetectContext,
  seed: Readonly<Record<UsageProvider, Iterable<string>>>,
  nameOf: (r: SpendRecord) => string | undefined,
): { firsts: Array<{ record: SpendRecord; name: string }>; knownOf: (p: UsageProvider) => Set<string> } {
  const known = new Map<UsageProvider, Set<string>>();
  const knownOf = (p: UsageProvider): Set<string> => {
    let s = known.get(p);
    if (!s) known.set(p, (s = new Set(seed[p])));
    return s;
  };
  for (const r of ctx.records) {
    const name = r.day < ctx.from ? nameOf(r) : undefined;
    if (name !== undefined) knownOf(r.provider).add(name);
  }
  const firsts: Array<{ record: SpendRecord; name: string }> = [];
  for (const r of ctx.records) {
    if (r.day < ctx.from || r.day > ctx.until || r.cost <= 0) continue;
    const name = nameOf(r);
    if (name === undefined) continue;
    const set = knownOf(r.provider);
    if (set.has(name)) continue;
    set.add(name);
    firsts.push({ record: r, name });
  }
  return { firsts, knownOf };
}

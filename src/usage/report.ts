import type { Diagnostic } from '../core/diagnostic.js';
import { cmp } from '../core/diagnostic.js';
import { mergeRecords, round } from './aggregate.js';
import { addDays } from './dates.js';
import { detectAnomalies } from './detect/index.js';
import type { AnomalyOptions, Balance, KnownSets, SpendRecord, UsageAnomaly, UsageProvider } from './types.js';

export interface UsageInput {
  /** Providers that were read. */
  providers: readonly UsageProvider[];
  /** Every record read, from `readFrom(from, options)` to `until` (duplicates allowed). */
  records: readonly SpendRecord[];
  balances: readonly Balance[];
  keyNames: Readonly<Record<UsageProvider, readonly string[]>>;
  from: string;
  until: string;
  known: KnownSets;
  options: AnomalyOptions;
  problems?: readonly Diagnostic[];
  notes?: readonly string[];
}

export interface ModelTotal {
  provider: UsageProvider;
  model: string;
  currency: string;
  cost: number;
  /** Days with spend in the report. */
  days: number;
  quantity?: number;
  unit?: string;
}

export interface DayTotal {
  day: string;
  provider: UsageProvider;
  currency: string;
  cost: number;
}

/** `api-hub usage --json`: what was spent per model and day in [from, until], the balances, and the anomalies. */
export interface UsageReport {
  from: string;
  until: string;
  /** First day read: the trailing window of the spike and first-use rules starts here. */
  readFrom: string;
  providers: UsageProvider[];
  spend: SpendRecord[];
  byModel: ModelTotal[];
  byDay: DayTotal[];
  total: Array<{ currency: string; cost: number }>;
  balances: Balance[];
  anomalies: UsageAnomaly[];
  problems: Diagnostic[];
  notes: string[];
}

/** The first day to read for a report starting `from`: its trailing window. */
export function readFrom(from: string, options: Pick<AnomalyOptions, 'trailingDays'>): string {
  return addDays(from, -options.trailingDays);
}

/** Pure: records in, report out (anomalies over the whole window read, spend and totals over the reported days). */
export function buildUsageReport(input: UsageInput): UsageReport {
  const merged = mergeRecords(input.records.filter((r) => r.day <= input.until && r.day >= readFrom(input.from, input.options)));
  const spend = merged.filter((r) => r.day >= input.from);
  const byModel = new Map<string, ModelTotal & { dayset: Set<string>; units: Set<string> }>();
  const byDay = new Map<string, DayTotal>();
  const total = new Map<string, number>();
  for (const r of spend) {
    const mid = `${r.provider}|${r.model}|${r.currency}`;
    let m = byModel.get(mid);
    if (!m) byModel.set(mid, (m = { provider: r.provider, model: r.model, currency: r.currency, cost: 0, days: 0, dayset: new Set(), units: new Set() }));
    m.cost = round(m.cost + r.cost);
    m.dayset.add(r.day);
    if (r.quantity !== undefined) m.quantity = round((m.quantity ?? 0) + r.quantity);
    m.units.add(r.unit ?? '');
    const did = `${r.day}|${r.provider}|${r.currency}`;
    const d = byDay.get(did) ?? { day: r.day, provider: r.provider, currency: r.currency, cost: 0 };
    d.cost = round(d.cost + r.cost);
    byDay.set(did, d);
    total.set(r.currency, round((total.get(r.currency) ?? 0) + r.cost));
  }
  const anomalies = detectAnomalies({
    records: merged,
    from: input.from,
    until: input.until,
    balances: input.balances,
    keyNames: input.keyNames,
    known: input.known,
    options: input.options,
  });
  return {
    from: input.from,
    until: input.until,
    readFrom: readFrom(input.from, input.options),
    providers: [...input.providers].sort(),
    spend,
    byModel: [...byModel.values()]
      .map(({ dayset, units, ...m }) => {
        const unit = units.size === 1 ? [...units][0] : undefined;
        const { quantity, ...rest } = m;
        return { ...rest, days: dayset.size, ...(unit ? { unit, ...(quantity === undefined ? {} : { quantity }) } : {}) };
      })
      .sort((a, b) => b.cost - a.cost || cmp(a.provider, b.provider) || cmp(a.model, b.model)),
    byDay: [...byDay.values()].sort((a, b) => cmp(a.day, b.day) || cmp(a.provider, b.provider) || cmp(a.currency, b.currency)),
    total: [...total].sort(([a], [b]) => cmp(a, b)).map(([currency, cost]) => ({ currency, cost })),
    balances: [...input.balances].sort(
      (a, b) => cmp(a.provider, b.provider) || (a.scope === 'account' ? -1 : b.scope === 'account' ? 1 : cmp(a.scope, b.scope)),
    ),
    anomalies,
    problems: [...(input.problems ?? [])],
    notes: [...(input.notes ?? [])],
  };
}

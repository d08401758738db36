import { cmp } from '../core/diagnostic.js';
import type { SpendRecord, UsageProvider } from './types.js';

/**
 * Sum records that describe the same thing (provider, day, model, key,
 * currency, unit): a bucket split over two pages, or two line items of one
 * day. Output sorted by day, provider, model, key. Linear plus the sort.
 */
export function mergeRecords(records: readonly SpendRecord[]): SpendRecord[] {
  const byId = new Map<string, SpendRecord>();
  for (const r of records) {
    const id = JSON.stringify([r.provider, r.day, r.model, r.key, r.currency, r.unit ?? '']);
    const seen = byId.get(id);
    if (!seen) {
      byId.set(id, { ...r });
      continue;
    }
    seen.cost = round(seen.cost + r.cost);
    if (r.quantity !== undefined) seen.quantity = round((seen.quantity ?? 0) + r.quantity);
    if (r.requests !== undefined) seen.requests = (seen.requests ?? 0) + r.requests;
  }
  return [...byId.values()].sort(compareRecords);
}

export function compareRecords(a: SpendRecord, b: SpendRecord): number {
  return (
    cmp(a.day, b.day) ||
    cmp(a.provider, b.provider) ||
    cmp(a.model, b.model) ||
    cmp(a.key, b.key) ||
    cmp(a.currency, b.currency) ||
    cmp(a.unit ?? '', b.unit ?? '')
  );
}

/** Money rounded to 1e-9, so sums of decimals print and compare the same on every run. */
export function round(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

/** A model's spend per day (over every key and unit), per currency: `provider|model|currency` → day → cost. */
export function dailyByModel(
  records: readonly SpendRecord[],
): Map<string, { provider: UsageProvider; model: string; currency: string; days: Map<string, number> }> {
  const out = new Map<string, { provider: UsageProvider; model: string; currency: string; days: Map<string, number> }>();
  for (const r of records) {
    const id = `${r.provider}|${r.model}|${r.currency}`;
    let s = out.get(id);
    if (!s) {
      s = { provider: r.provider, model: r.model, currency: r.currency, days: new Map() };
      out.set(id, s);
    }
    s.days.set(r.day, round((s.days.get(r.day) ?? 0) + r.cost));
  }
  return out;
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

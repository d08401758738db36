import { describe, expect, it } from 'vitest';
import { dailyByModel, median, mergeRecords } from './aggregate.js';
import type { SpendRecord } from './types.js';

const r = (day: string, model: string, cost: number, extra: Partial<SpendRecord> = {}): SpendRecord => ({
  provider: 'fal',
  day,
  model,
  key: 'k',
  cost,
  currency: 'USD',
  ...extra,
});

describe('aggregate', () => {
  it('sums duplicates (a bucket split over pages) and sorts', () => {
    const merged = mergeRecords([r('2025-01-02', 'b', 0.1, { quantity: 1 }), r('2025-01-01', 'a', 1), r('2025-01-02', 'b', 0.2, { quantity: 2 })]);
    expect(merged).toEqual([r('2025-01-01', 'a', 1), r('2025-01-02', 'b', 0.3, { quantity: 3 })]);
  });

  it('keeps different keys and units apart, and sums them per model and day', () => {
    const recs = [r('2025-01-01', 'a', 1, { key: 'x' }), r('2025-01-01', 'a', 2, { key: 'y' })];
    expect(mergeRecords(recs)).toHaveLength(2);
    expect(dailyByModel(recs).get('fal|a|USD')?.days.get('2025-01-01')).toBe(3);
  });

  it.each([
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])('median(%j) = %d', (values, want) => expect(median(values)).toBe(want));
});

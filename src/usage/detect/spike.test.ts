import { describe, expect, it } from 'vitest';
import { DEFAULT_ANOMALY_OPTIONS, type SpendRecord } from '../types.js';
import type { DetectContext } from './context.js';
import { detectSpikes } from './spike.js';

const rec = (day: string, cost: number, model = 'fal-ai/flux/dev'): SpendRecord => ({
  provider: 'fal',
  day,
  model,
  key: 'Production Key',
  cost,
  currency: 'USD',
});
const ctx = (records: SpendRecord[], options: Partial<DetectContext['options']> = {}): DetectContext => ({
  records,
  from: '2025-01-15',
  until: '2025-01-16',
  balances: [],
  keyNames: { fal: [], comet: [] },
  known: { models: { fal: new Set(), comet: new Set() }, keys: { fal: new Set(), comet: new Set() }, fromState: false },
  options: { ...DEFAULT_ANOMALY_OPTIONS, ...options },
});
const history = ['2025-01-10', '2025-01-11', '2025-01-12', '2025-01-13', '2025-01-14'].map((d) => rec(d, 2));

describe('usage-spike', () => {
  it('flags a day above 3× the trailing median', () => {
    const found = detectSpikes(ctx([...history, rec('2025-01-15', 7), rec('2025-01-16', 5)]));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ ruleId: 'usage-spike', provider: 'fal', model: 'fal-ai/flux/dev', day: '2025-01-15', value: 7, baseline: 2 });
    expect(found[0]?.message).toContain('3.5× its median of 2.00 USD');
  });

  it('takes the factor and the minimum spend from the options', () => {
    const records = [...history, rec('2025-01-15', 5)];
    expect(detectSpikes(ctx(records, { spikeFactor: 2 }))).toHaveLength(1);
    expect(detectSpikes(ctx(records, { spikeFactor: 2, minSpend: 10 }))).toEqual([]);
  });

  it('needs enough days of history, and ignores days before the report', () => {
    expect(detectSpikes(ctx([rec('2025-01-13', 1), rec('2025-01-14', 1), rec('2025-01-15', 50)]))).toEqual([]);
    expect(detectSpikes(ctx([...history.slice(0, 4), rec('2025-01-14', 50)]))).toEqual([]);
  });

  it('compares each model with its own history', () => {
    expect(detectSpikes(ctx([...history, rec('2025-01-15', 7, 'other/model')]))).toEqual([]);
  });
});

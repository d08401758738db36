import { describe, expect, it } from 'vitest';
import { DEFAULT_ANOMALY_OPTIONS, type Balance, type SpendRecord } from '../types.js';
import type { DetectContext } from './context.js';
import { detectRunway } from './runway.js';

const days = ['2025-01-10', '2025-01-11', '2025-01-12', '2025-01-13', '2025-01-14', '2025-01-15', '2025-01-16'];
const spend = (perDay: number, key = 'app'): SpendRecord[] => days.map((day) => ({ provider: 'comet', day, model: '*', key, cost: perDay, currency: 'USD' }));
const ctx = (records: SpendRecord[], balances: Balance[]): DetectContext => ({
  records,
  from: '2025-01-10',
  until: '2025-01-16',
  balances,
  keyNames: { fal: [], comet: [] },
  known: { models: { fal: new Set(), comet: new Set() }, keys: { fal: new Set(), comet: new Set() }, fromState: false },
  options: DEFAULT_ANOMALY_OPTIONS,
});
const account = (remaining: number): Balance => ({ provider: 'comet', scope: 'account', remaining, currency: 'USD' });

describe('usage-balance-runway', () => {
  it('flags a balance that lasts fewer days than the threshold at the current rate', () => {
    const found = detectRunway(ctx(spend(10), [account(50)]));
    expect(found).toMatchObject([{ ruleId: 'usage-balance-runway', provider: 'comet', value: 5, baseline: 7 }]);
    expect(found[0]?.message).toContain('lasts about 5.0 day(s) at 10.00 USD/day');
  });

  it('is quiet when the balance lasts, or nothing is spent', () => {
    expect(detectRunway(ctx(spend(10), [account(100)]))).toEqual([]);
    expect(detectRunway(ctx([], [account(1)]))).toEqual([]);
  });

  it('flags an exhausted balance whatever the rate', () => {
    expect(detectRunway(ctx([], [account(0)]))[0]?.message).toContain('exhausted');
  });

  it("measures a key's quota against that key's spend only", () => {
    const records = [...spend(10, 'busy'), ...spend(0.1, 'quiet')];
    const found = detectRunway(
      ctx(records, [
        { provider: 'comet', scope: 'key:quiet', remaining: 2, currency: 'USD' },
        { provider: 'comet', scope: 'key:busy', remaining: 30, currency: 'USD' },
      ]),
    );
    expect(found.map((a) => a.key)).toEqual(['busy']);
  });
});

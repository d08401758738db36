import { describe, expect, it } from 'vitest';
import { DEFAULT_ANOMALY_OPTIONS, type SpendRecord } from '../types.js';
import type { DetectContext } from './context.js';
import { detectUnfamiliarKeys } from './unfamiliar-key.js';

const rec = (day: string, key: string, provider: SpendRecord['provider'] = 'fal'): SpendRecord => ({
  provider,
  day,
  model: provider === 'fal' ? 'fal-ai/flux/dev' : '*',
  key,
  cost: 2,
  currency: 'USD',
});
const ctx = (records: SpendRecord[], o: { known?: string[]; fromState?: boolean; cometKeys?: string[] } = {}): DetectContext => ({
  records,
  from: '2025-01-15',
  until: '2025-01-16',
  balances: [],
  keyNames: { fal: [], comet: o.cometKeys ?? [] },
  known: { models: { fal: new Set(), comet: new Set() }, keys: { fal: new Set(o.known), comet: new Set(o.known) }, fromState: o.fromState ?? false },
  options: DEFAULT_ANOMALY_OPTIONS,
});

describe('usage-unfamiliar-key', () => {
  it('flags an auth method not seen in the trailing days, once', () => {
    const found = detectUnfamiliarKeys(
      ctx([rec('2025-01-10', 'Production Key'), rec('2025-01-15', 'Production Key'), rec('2025-01-15', 'ci-temp'), rec('2025-01-16', 'ci-temp')]),
    );
    expect(found.map((a) => [a.key, a.day])).toEqual([['ci-temp', '2025-01-15']]);
    expect(found[0]?.message).toBe('FAL auth method "ci-temp" spent for the first time on 2025-01-15 (2.00 USD)');
  });

  it('knows the keys of the state file; an unnamed key is not a finding', () => {
    expect(detectUnfamiliarKeys(ctx([rec('2025-01-15', 'ci-temp'), rec('2025-01-15', '')], { known: ['ci-temp'] }))).toEqual([]);
  });

  it('flags a listed but unused Comet key only when an earlier run left a state', () => {
    expect(detectUnfamiliarKeys(ctx([], { cometKeys: ['new-key'] }))).toEqual([]);
    const found = detectUnfamiliarKeys(ctx([rec('2025-01-15', 'old', 'comet')], { known: ['old'], fromState: true, cometKeys: ['old', 'new-key'] }));
    expect(found).toMatchObject([{ provider: 'comet', key: 'new-key' }]);
  });
});

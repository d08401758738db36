import { describe, expect, it } from 'vitest';
import { knownFrom, learn, parseUsageState, serializeUsageState } from './state.js';
import type { SpendRecord } from './types.js';

const rec = (model: string, key: string, provider: SpendRecord['provider'] = 'fal'): SpendRecord => ({
  provider,
  day: '2025-01-15',
  model,
  key,
  cost: 1,
  currency: 'USD',
});

describe('usage state', () => {
  it('learns models and keys, sorted and without duplicates, and reads back what it wrote', () => {
    const s = learn(undefined, [rec('b/m', 'Prod'), rec('a/m', 'Prod'), rec('*', 'app', 'comet')], { comet: ['spare'], fal: [] });
    expect(s).toEqual({ version: 1, models: { comet: [], fal: ['a/m', 'b/m'] }, keys: { comet: ['app', 'spare'], fal: ['Prod'] } });
    const text = serializeUsageState(s);
    expect(parseUsageState(text, 'f').state).toEqual(s);
    expect(serializeUsageState(learn(s, [rec('a/m', 'Prod')], { comet: [], fal: [] }))).toBe(text);
  });

  it('says whether the baseline came from an earlier run', () => {
    expect(knownFrom(undefined).fromState).toBe(false);
    const k = knownFrom(learn(undefined, [rec('a/m', 'Prod')], { comet: [], fal: [] }));
    expect(k.fromState).toBe(true);
    expect(k.models.fal.has('a/m')).toBe(true);
  });

  it.each([
    ['not json', 'not JSON'],
    ['{"version":2}', 'not a usage state'],
    ['{"version":1,"models":{"fal":[1]}}', '`models.fal` must be a list of names'],
  ])('refuses %s', (text, message) => {
    const r = parseUsageState(text, '.api-hub/usage-state.json');
    expect(r.state).toBeUndefined();
    expect(r.problems[0]?.message).toContain(message);
  });
});

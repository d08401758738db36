import { describe, expect, it } from 'vitest';
import { DEFAULT_ANOMALY_OPTIONS, type SpendRecord } from '../types.js';
import type { DetectContext } from './context.js';
import { detectNewModels } from './new-model.js';

const rec = (day: string, model: string, provider: SpendRecord['provider'] = 'fal'): SpendRecord => ({
  provider,
  day,
  model,
  key: 'Production Key',
  cost: 1,
  currency: 'USD',
});
const ctx = (records: SpendRecord[], knownModels: string[] = []): DetectContext => ({
  records,
  from: '2025-01-15',
  until: '2025-01-16',
  balances: [],
  keyNames: { fal: [], comet: [] },
  known: { models: { fal: new Set(knownModels), comet: new Set() }, keys: { fal: new Set(), comet: new Set() }, fromState: knownModels.length > 0 },
  options: DEFAULT_ANOMALY_OPTIONS,
});

describe('usage-new-model', () => {
  it('flags a model first used in the reported days, once, on its first day', () => {
    const found = detectNewModels(
      ctx([rec('2025-01-10', 'fal-ai/flux/dev'), rec('2025-01-15', 'fal-ai/flux/dev'), rec('2025-01-15', 'fal-ai/veo3'), rec('2025-01-16', 'fal-ai/veo3')]),
    );
    expect(found.map((a) => [a.model, a.day])).toEqual([['fal-ai/veo3', '2025-01-15']]);
    expect(found[0]?.message).toContain('first time on 2025-01-15');
  });

  it('knows the models of the state file', () => {
    expect(detectNewModels(ctx([rec('2025-01-15', 'fal-ai/veo3')], ['fal-ai/veo3']))).toEqual([]);
  });

  it("leaves Comet's all-model figures alone", () => {
    expect(detectNewModels(ctx([rec('2025-01-15', '*', 'comet')]))).toEqual([]);
  });
});

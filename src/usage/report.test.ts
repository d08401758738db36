import { describe, expect, it } from 'vitest';
import { formatUsageText } from './format.js';
import { buildUsageReport } from './report.js';
import { knownFrom } from './state.js';
import { DEFAULT_ANOMALY_OPTIONS, type SpendRecord } from './types.js';

const rec = (day: string, model: string, cost: number, key = 'Production Key'): SpendRecord => ({
  provider: 'fal',
  day,
  model,
  key,
  cost,
  currency: 'USD',
  quantity: cost * 10,
  unit: 'image',
});
const input = (records: SpendRecord[]) => ({
  providers: ['fal' as const],
  records,
  balances: [],
  keyNames: { fal: [], comet: [] },
  from: '2025-01-15',
  until: '2025-01-16',
  known: knownFrom(undefined),
  options: DEFAULT_ANOMALY_OPTIONS,
});

describe('buildUsageReport', () => {
  const history = ['2025-01-11', '2025-01-12', '2025-01-13', '2025-01-14'].map((d) => rec(d, 'fal-ai/flux/dev', 1));
  const r = buildUsageReport(
    input([
      ...history,
      rec('2025-01-15', 'fal-ai/flux/dev', 4),
      rec('2025-01-15', 'fal-ai/flux/dev', 4),
      rec('2025-01-16', 'fal-ai/veo3', 2, 'ci'),
      rec('2024-12-01', 'old/model', 9),
    ]),
  );

  it('reports the reported days only, merged, with totals per model and day', () => {
    expect(r.readFrom).toBe('2025-01-01');
    expect(r.spend.map((s) => [s.day, s.model, s.cost])).toEqual([
      ['2025-01-15', 'fal-ai/flux/dev', 8],
      ['2025-01-16', 'fal-ai/veo3', 2],
    ]);
    expect(r.byModel).toEqual([
      { provider: 'fal', model: 'fal-ai/flux/dev', currency: 'USD', cost: 8, days: 1, unit: 'image', quantity: 80 },
      { provider: 'fal', model: 'fal-ai/veo3', currency: 'USD', cost: 2, days: 1, unit: 'image', quantity: 20 },
    ]);
    expect(r.byDay.map((d) => d.cost)).toEqual([8, 2]);
    expect(r.total).toEqual([{ currency: 'USD', cost: 10 }]);
  });

  it('runs every rule over the window read', () => {
    expect(r.anomalies.map((a) => a.ruleId)).toEqual(['usage-spike', 'usage-new-model', 'usage-unfamiliar-key']);
  });

  it('prints a table and the anomalies, plain for CI, shorter with quiet', () => {
    const text = formatUsageText(r, { plain: true });
    expect(text).toMatch(/^2025-01-15 +fal +fal-ai\/flux\/dev +Production Key +80 image +8\.00 USD$/m);
    expect(text).toContain('ANOMALY fal-ai/veo3 was used for the first time on 2025-01-16');
    expect(text).toContain('Total: 10.00 USD');
    const quiet = formatUsageText(r, { quiet: true });
    expect(quiet).not.toContain('Per model:');
    expect(quiet).toContain('3 anomalies:');
  });
});

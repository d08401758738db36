import { describe, expect, it } from 'vitest';
import { readFalUsagePage } from './fal-usage.js';

describe('readFalUsagePage', () => {
  it('reads the documented example into one record per line item', () => {
    // The example of fal.ai/docs/platform-apis/v1/models/usage.
    const page = readFalUsagePage(
      {
        time_series: [
          {
            bucket: '2025-01-15T00:00:00-05:00',
            results: [
              { endpoint_id: 'fal-ai/flux/dev', unit: 'image', quantity: 4, unit_price: 0.1, cost: 0.4, currency: 'USD', auth_method: 'Production Key' },
            ],
          },
        ],
        next_cursor: null,
        has_more: false,
      },
      'fal',
    );
    expect(page.problems).toEqual([]);
    expect(page.records).toEqual([
      { provider: 'fal', day: '2025-01-15', model: 'fal-ai/flux/dev', key: 'Production Key', cost: 0.4, currency: 'USD', quantity: 4, unit: 'image' },
    ]);
    expect(page).toMatchObject({ nextCursor: null, hasMore: false });
  });

  it('follows the cursor fields and keeps items without auth_method (key unknown)', () => {
    const page = readFalUsagePage(
      { time_series: [{ bucket: '2025-01-16T00:00:00Z', results: [{ endpoint_id: 'a/b', cost: '1.5' }] }], next_cursor: 'Mg==', has_more: true },
      'fal',
    );
    expect(page.records).toEqual([{ provider: 'fal', day: '2025-01-16', model: 'a/b', key: '', cost: 1.5, currency: 'USD' }]);
    expect(page).toMatchObject({ nextCursor: 'Mg==', hasMore: true });
  });

  it('reports and skips malformed buckets and items, with pointers', () => {
    const page = readFalUsagePage(
      {
        time_series: [
          { bucket: 'soon', results: [] },
          { bucket: '2025-01-16', results: [{ cost: 1 }, { endpoint_id: 'x', cost: 'n/a' }] },
        ],
        has_more: false,
      },
      'fal',
    );
    expect(page.records).toEqual([]);
    expect(page.problems.map((p) => p.pointer)).toEqual(['/time_series/0', '/time_series/1/results/0', '/time_series/1/results/1']);
  });

  it('refuses a body that is not a usage response', () => {
    const page = readFalUsagePage({ models: [] }, 'fal');
    expect(page.problems[0]).toMatchObject({ ruleId: 'fal-usage-shape', severity: 'error' });
  });
});

import { describe, expect, it } from 'vitest';
import { readFalPricing, stampPrices } from './pricing.js';

describe('readFalPricing', () => {
  it('trims units and currencies (saved pages carry "1000 characters ") and skips items it cannot use', () => {
    const r = readFalPricing(
      {
        prices: [
          { endpoint_id: 'a', unit_price: 0.03, unit: '1000 characters ', currency: ' USD' },
          { endpoint_id: 'b', unit_price: 0.05, unit: '  ', currency: 'USD' },
          { endpoint_id: 'c', unit_price: -1, unit: 'images', currency: 'USD' },
          { endpoint_id: 'd', unit_price: 1, unit: 'images', currency: '' },
        ],
        next_cursor: null,
        has_more: false,
      },
      'prices.json',
    );
    expect(r.prices).toEqual([{ endpoint_id: 'a', unit_price: 0.03, unit: '1000 characters', currency: 'USD' }]);
    expect(r.problems.map((p) => p.pointer)).toEqual(['/prices/1', '/prices/2', '/prices/3']);
  });

  it('refuses a body without a prices array', () => {
    expect(readFalPricing({ models: [] }, 'x.json').problems[0]).toMatchObject({ severity: 'error', file: 'x.json' });
  });
});

describe('stampPrices', () => {
  it('replaces any earlier provenance with the given one', () => {
    expect(
      stampPrices([{ endpoint_id: 'a', unit_price: 1, unit: 'images', currency: 'USD', source: 'old', as_of: '2020-01-01' }], {
        source: 'fal-pricing-api',
        asOf: '2026-12-07',
      }),
    ).toEqual([{ endpoint_id: 'a', unit_price: 1, unit: 'images', currency: 'USD', source: 'fal-pricing-api', as_of: '2026-12-07' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { isHttpUrl, sitePrice } from './price.js';

describe('sitePrice', () => {
  it.each([
    ['null', null, null],
    ['an empty object', {}, null],
    ['no amount', { unit: 'image', currency: 'USD', source: 'x' }, null],
    ['a negative amount', { unitPrice: -1 }, null],
    [
      'the registry shape with source and date',
      { unitPrice: 0.025, unit: 'megapixel', currency: 'USD', source: 'https://fal.ai/pricing', asOf: '2026-12-01T10:00:00Z' },
      { amount: 0.025, currency: 'USD', unit: 'megapixel', text: '0.025 USD per megapixel', source: 'https://fal.ai/pricing', asOf: '2026-12-01' },
    ],
    [
      'token prices',
      { unitPrice: null, input: 2.5, output: 10, unit: '1M tokens', currency: 'USD' },
      { amount: 2.5, currency: 'USD', unit: '1M tokens', text: 'input 2.5, output 10 USD per 1M tokens', source: null, asOf: null },
    ],
    [
      'FAL snake case, defaults',
      { unit_price: 0.1 * 3 },
      { amount: 0.1 * 3, currency: 'USD', unit: 'unit', text: '0.3 USD per unit', source: null, asOf: null },
    ],
    [
      'a free-text date kept as it is',
      { unitPrice: 1, as_of: 'last week' },
      { amount: 1, currency: 'USD', unit: 'unit', text: '1 USD per unit', source: null, asOf: 'last week' },
    ],
  ])('%s', (_name, raw, expected) => {
    expect(sitePrice(raw)).toEqual(expected);
  });
});

describe('isHttpUrl', () => {
  it.each([
    ['https://fal.ai/models/x', true],
    ['http://a.b', true],
    ['javascript:alert(1)', false],
    ['fal platform API', false],
    ['https://a.b/"onmouseover=x', false],
    [null, false],
  ])('%j -> %j', (s, ok) => {
    expect(isHttpUrl(s)).toBe(ok);
  });
});

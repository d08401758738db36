import { describe, expect, it } from 'vitest';
import { describePrice, formatAmount, readPrice, readRegistry } from './registry-read.js';

describe('readRegistry (defensive: the registry shape is still growing)', () => {
  it('reads complete entries and keeps unknown fields in extra', () => {
    const { models, skipped } = readRegistry({
      models: [
        {
          provider: 'fal',
          id: 'fal-ai/x',
          displayName: 'X',
          category: 'image-to-video',
          status: 'active',
          tags: ['a', 1],
          pricing: { unitPrice: 0.4, unit: 'video', currency: 'USD' },
          document: { available: true, file: 'specs/providers/fal/openapi/fal-ai__x.json', sha256: 'abc', reason: null },
          operationIds: ['falAiXSubmit'],
          description: 'new field',
        },
      ],
    });
    expect(skipped).toBe(0);
    expect(models[0]).toEqual({
      provider: 'fal',
      id: 'fal-ai/x',
      displayName: 'X',
      category: 'image-to-video',
      status: 'active',
      tags: ['a'],
      pricing: { unitPrice: 0.4, unit: 'video', currency: 'USD' },
      document: { available: true, file: 'specs/providers/fal/openapi/fal-ai__x.json', sha256: 'abc', reason: null },
      operationIds: ['falAiXSubmit'],
      extra: { description: 'new field' },
    });
  });
  it('fills missing fields and skips entries without provider or id', () => {
    const { models, skipped } = readRegistry({ models: [{ provider: 'comet', id: 'gpt-4o' }, { id: 'no-provider' }, 'junk', null] });
    expect(skipped).toBe(3);
    expect(models).toEqual([
      {
        provider: 'comet',
        id: 'gpt-4o',
        displayName: 'gpt-4o',
        category: null,
        status: 'active',
        tags: [],
        pricing: null,
        document: { available: false, file: null, sha256: null, reason: null },
        operationIds: [],
        extra: {},
      },
    ]);
  });
  it('reads nothing from something that is not a registry', () => {
    expect(readRegistry(42)).toEqual({ models: [], skipped: 0 });
  });
});

describe('readPrice', () => {
  const cases: Array<[string, unknown, unknown]> = [
    ['a unit price', { unitPrice: 0.025, unit: 'image', currency: 'USD' }, { unitPrice: 0.025, unit: 'image', currency: 'USD' }],
    ["FAL's own field names", { unit_price: 1, unit: 'second', currency: 'USD' }, { unitPrice: 1, unit: 'second', currency: 'USD' }],
    [
      'token prices',
      { unitPrice: null, unit: '1M tokens', currency: 'USD', input: 2.5, output: 10 },
      { unitPrice: null, unit: '1M tokens', currency: 'USD', input: 2.5, output: 10 },
    ],
    ['no numbers at all', { unit: 'image' }, null],
    ['a negative price', { unitPrice: -1, unit: 'image' }, null],
    ['null', null, null],
  ];
  it.each(cases)('%s', (_n, raw, want) => {
    expect(readPrice(raw)).toEqual(want);
  });
});

describe('describePrice and formatAmount', () => {
  it('describes unit and token prices', () => {
    expect(describePrice({ unitPrice: 0.4, unit: 'video', currency: 'USD' })).toBe('0.4 USD per video');
    expect(describePrice({ unitPrice: null, unit: '1M tokens', currency: 'USD', input: 2.5, output: 10 })).toBe('input 2.5, output 10 USD per 1M tokens');
    expect(describePrice(null)).toBeNull();
  });
  it('prints amounts without float noise', () => {
    expect(formatAmount(0.1 * 3)).toBe('0.3');
    expect(formatAmount(0.0000025)).toBe('0.0000025');
    expect(formatAmount(-0)).toBe('0');
  });
});

import { describe, expect, it } from 'vitest';
import { estimateFromRegistry, estimateLive } from './estimate.js';
import { falApiRoot } from '../../fetch/fal/urls.js';
import type { ModelEntry } from './registry-read.js';

const model = (pricing: ModelEntry['pricing'], provider = 'fal'): ModelEntry => ({
  provider,
  id: 'fal-ai/kling-video/v2/master/image-to-video',
  displayName: 'Kling',
  category: 'image-to-video',
  status: 'active',
  tags: [],
  pricing,
  document: { available: true, file: null, sha256: null, reason: null },
  operationIds: [],
  extra: {},
});

describe('estimateFromRegistry', () => {
  it('multiplies the unit price by the quantity', () => {
    const r = estimateFromRegistry(model({ unitPrice: 0.28, unit: 'second', currency: 'USD' }), 10);
    expect(r).toEqual({
      ok: true,
      estimate: expect.objectContaining({
        total: 2.8,
        unit: 'second',
        unitPrice: 0.28,
        currency: 'USD',
        source: 'registry',
        text: '10 second × 0.28 USD = 2.8 USD (registry price)',
      }),
    });
  });
  const failures: Array<[string, ModelEntry['pricing'], number, 'units' | 'calls', RegExp]> = [
    ['no price', null, 1, 'units', /no price for this model.*api-hub fetch --provider fal/],
    ['token pricing', { unitPrice: null, unit: '1M tokens', currency: 'USD', input: 1 }, 1, 'units', /priced per token/],
    ['per-call estimates', { unitPrice: 1, unit: 'video', currency: 'USD' }, 1, 'calls', /only the live API knows/],
    ['a zero quantity', { unitPrice: 1, unit: 'video', currency: 'USD' }, 0, 'units', /greater than 0/],
  ];
  it.each(failures)('explains %s', (_n, pricing, q, mode, why) => {
    const r = estimateFromRegistry(model(pricing), q, mode);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(why);
  });
});

describe('falApiRoot', () => {
  it.each([
    ['https://api.fal.ai', 'https://api.fal.ai/v1'],
    ['https://api.fal.ai/v1/', 'https://api.fal.ai/v1'],
    ['http://127.0.0.1:9999/gw', 'http://127.0.0.1:9999/gw/v1'],
  ])('%s -> %s', (a, b) => expect(falApiRoot(a)).toBe(b));
});

describe('estimateLive (fetch injected)', () => {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  const answer =
    (status: number, body: unknown): typeof fetch =>
    async (url, init) => {
      calls.push({ url: String(url), init });
      return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    };
  const base = { endpointId: 'fal-ai/flux/dev', apiKey: 'secret-key-123', baseUrl: 'http://fal.test' };

  it('posts a unit_price estimate with the key and reads total_cost', async () => {
    calls.length = 0;
    const r = await estimateLive({
      ...base,
      quantity: 4,
      mode: 'units',
      fetch: answer(200, { estimate_type: 'unit_price', total_cost: 0.1, currency: 'USD' }),
    });
    expect(r).toEqual({
      ok: true,
      estimate: expect.objectContaining({
        total: 0.1,
        currency: 'USD',
        source: 'fal-live',
        mode: 'units',
        text: '4 unit(s) = 0.1 USD (FAL live estimate, unit_price)',
      }),
    });
    expect(calls[0]?.url).toBe('http://fal.test/v1/models/pricing/estimate');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(new Headers(calls[0]?.init?.headers).get('authorization')).toBe('Key secret-key-123');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ estimate_type: 'unit_price', endpoints: { 'fal-ai/flux/dev': { unit_quantity: 4 } } });
  });
  it('posts a historical_api_price estimate for calls', async () => {
    calls.length = 0;
    await estimateLive({
      ...base,
      quantity: 3,
      mode: 'calls',
      fetch: answer(200, { estimate_type: 'historical_api_price', total_cost: 0.3, currency: 'USD' }),
    });
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ estimate_type: 'historical_api_price', endpoints: { 'fal-ai/flux/dev': { call_quantity: 3 } } });
  });
  it("reports FAL's error message, never the key", async () => {
    const r = await estimateLive({
      ...base,
      quantity: 1,
      mode: 'units',
      fetch: answer(401, { error: { type: 'authorization_error', message: 'bad key secret-key-123' } }),
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('HTTP 401: bad key [redacted]');
      expect(r.message).toContain('check FAL_API_KEY');
      expect(r.message).not.toContain('secret-key-123');
    }
  });
  it('reports an answer of the wrong shape', async () => {
    const r = await estimateLive({ ...base, quantity: 1, mode: 'units', fetch: answer(200, { nope: true }) });
    expect(r.ok).toBe(false);
  });
  it('reports a network failure', async () => {
    const r = await estimateLive({
      ...base,
      quantity: 1,
      mode: 'units',
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    expect(r).toEqual({ ok: false, message: 'FAL pricing estimate failed: http://fal.test/v1/models/pricing/estimate: fetch failed' });
  });
  it('refuses a fractional number of calls before asking', async () => {
    const r = await estimateLive({ ...base, quantity: 1.5, mode: 'calls', fetch: answer(500, {}) });
    expect(r.ok).toBe(false);
  });
});

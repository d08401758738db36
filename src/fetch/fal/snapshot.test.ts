import { describe, it, expect } from 'vitest';
import { buildFalSnapshot, falDocumentPath, isSafeEndpointId } from './snapshot.js';
import type { FalModelItem } from './types.js';

const doc = (id: string) => ({ openapi: '3.0.4', info: { title: `Queue OpenAPI for ${id}`, version: '1.0.0' }, paths: {} });
const item = (id: string, extra: Partial<FalModelItem> = {}): FalModelItem => ({
  endpoint_id: id,
  metadata: { display_name: id, category: 'text-to-image', status: 'active', tags: [], is_favorited: true },
  openapi: doc(id),
  ...extra,
});

describe('buildFalSnapshot', () => {
  it('writes one document per endpoint and a sorted listing, independent of input order', () => {
    const a = buildFalSnapshot([item('fal-ai/b'), item('fal-ai/a/dev')]);
    const b = buildFalSnapshot([item('fal-ai/a/dev'), item('fal-ai/b')]);
    expect([...a.files.keys()].sort()).toEqual(['models.json', 'openapi/fal-ai__a__dev.json', 'openapi/fal-ai__b.json']);
    expect([...a.files.entries()].sort()).toEqual([...b.files.entries()].sort());
    expect(a.listing.models.map((m) => m.endpoint_id)).toEqual(['fal-ai/a/dev', 'fal-ai/b']);
  });

  it('records the content hash of each document and drops caller-specific metadata', () => {
    const { listing, files } = buildFalSnapshot([item('fal-ai/x')]);
    const entry = listing.models[0]!;
    expect(entry.openapi.status).toBe('available');
    expect(entry.metadata).not.toHaveProperty('is_favorited');
    if (entry.openapi.status === 'available') expect(files.get(entry.openapi.file)).toBeDefined();
  });

  it('keeps models whose document failed to expand, marked unavailable', () => {
    const { listing, files } = buildFalSnapshot([
      item('fal-ai/hyper-sdxl', { openapi: { error: { code: 'expansion_failed', message: 'Failed to fetch OpenAPI schema' } } }),
    ]);
    expect(listing.models[0]!.openapi).toEqual({ status: 'unavailable', code: 'expansion_failed', message: 'Failed to fetch OpenAPI schema' });
    expect(files.size).toBe(1);
  });

  it.each([
    ['../../etc/passwd', false],
    ['fal-ai/../x', false],
    ['/abs', false],
    ['a__b', false],
    ['fal-ai/flux-pro/v1.1', true],
    ['bria/text-to-image/3.2', true],
  ])('endpoint id %s is safe: %s', (id, safe) => {
    expect(isSafeEndpointId(id)).toBe(safe);
  });

  it('skips unsafe ids with an error instead of writing outside the snapshot', () => {
    const r = buildFalSnapshot([item('../../escape'), item('fal-ai/ok')]);
    expect(r.problems.map((p) => p.ruleId)).toEqual(['fal-endpoint-id']);
    expect([...r.files.keys()].every((k) => !k.includes('..'))).toBe(true);
    expect(falDocumentPath('fal-ai/ok')).toBe('openapi/fal-ai__ok.json');
  });

  it('warns when one id comes back twice with different content; the last wins', () => {
    const r = buildFalSnapshot([item('fal-ai/x'), item('fal-ai/x', { metadata: { display_name: 'Other' } })]);
    expect(r.problems.map((p) => p.ruleId)).toEqual(['fal-duplicate-endpoint']);
    expect(r.listing.models[0]!.metadata?.display_name).toBe('Other');
  });

  it('attaches prices by endpoint id', () => {
    const r = buildFalSnapshot([item('fal-ai/x')], [{ endpoint_id: 'fal-ai/x', unit_price: 0.025, unit: 'image', currency: 'USD' }]);
    expect(r.listing.models[0]!.pricing).toEqual({ unit_price: 0.025, unit: 'image', currency: 'USD' });
  });
});

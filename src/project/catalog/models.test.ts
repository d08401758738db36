import { describe, expect, it } from 'vitest';
import { indexRegistry } from './hub-data.js';
import { facetCounts, findModel, searchModels } from './models.js';
import { operationsFor } from './model-card.js';
import { indexSpec } from './spec-index.js';

const index = indexRegistry(
  {
    models: [
      { provider: 'fal', id: 'fal-ai/flux/dev', displayName: 'FLUX.1 [dev]', category: 'text-to-image', tags: [] },
      { provider: 'fal', id: 'fal-ai/flux/dev/image-to-image', displayName: 'FLUX.1 [dev] image-to-image', category: 'image-to-image' },
      {
        provider: 'fal',
        id: 'fal-ai/kling-video/v2/master/image-to-video',
        displayName: 'Kling 2.0 Master',
        category: 'image-to-video',
        pricing: { unitPrice: 0.28, unit: 'second', currency: 'USD' },
      },
      { provider: 'fal', id: 'fal-ai/old', displayName: 'Old', category: 'image-to-video', status: 'deprecated' },
      { provider: 'comet', id: 'flux-dev', category: 'image', tags: ['bfl'] },
      { provider: 'comet', id: 'text-embedding-3-small', category: 'embedding' },
      { provider: 'comet', id: 'kling-v2', category: 'video' },
      { provider: 'comet', id: 'gpt-4o-mini', category: 'text' },
      { provider: 'comet', id: 'shared' },
      { provider: 'fal', id: 'shared' },
    ],
  },
  'test',
);

describe('searchModels', () => {
  const cases: Array<[string, Parameters<typeof searchModels>[1], string[]]> = [
    ['exact category and provider', { provider: 'fal', category: 'IMAGE-TO-VIDEO' }, ['fal-ai/old', 'fal-ai/kling-video/v2/master/image-to-video']],
    ['status', { status: 'deprecated' }, ['fal-ai/old']],
    ['free text, closest id first', { query: 'flux dev' }, ['flux-dev', 'fal-ai/flux/dev', 'fal-ai/flux/dev/image-to-image']],
    ['free text over names', { query: 'master' }, ['fal-ai/kling-video/v2/master/image-to-video']],
    ['nothing', { query: 'nothing-like-this' }, []],
  ];
  it.each(cases)('%s', (_n, filter, ids) => {
    expect(searchModels(index, filter).map((m) => m.id)).toEqual(ids);
  });
});

describe('findModel', () => {
  it('finds by id, by provider:id and case-insensitively', () => {
    expect(findModel(index, 'fal-ai/flux/dev')).toMatchObject({ ok: true, model: { id: 'fal-ai/flux/dev' } });
    expect(findModel(index, 'comet:flux-dev')).toMatchObject({ ok: true, model: { provider: 'comet' } });
    expect(findModel(index, 'GPT-4o-Mini')).toMatchObject({ ok: true, model: { id: 'gpt-4o-mini' } });
  });
  it('asks for the provider when two providers share an id', () => {
    const r = findModel(index, 'shared');
    expect(r).toMatchObject({ ok: false, suggestions: ['comet:shared', 'fal:shared'] });
    expect(findModel(index, 'shared', 'fal')).toMatchObject({ ok: true, model: { provider: 'fal' } });
  });
  it('suggests the nearest ids, within the provider when one is given', () => {
    const r = findModel(index, 'fal-ai/flux/dev2', 'fal');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.suggestions[0]).toBe('fal-ai/flux/dev');
      expect(r.suggestions).not.toContain('flux-dev');
    }
  });
});

describe('facetCounts', () => {
  it('counts values, most first', () => {
    expect(facetCounts(index.models, 'provider')).toEqual([
      ['comet', 5],
      ['fal', 5],
    ]);
  });
});

describe('operationsFor: which Comet endpoint serves a model (a guess, and said so)', () => {
  const tag = (t: string, id: string) => ({ post: { operationId: id, tags: [t], 'x-hub-source': { provider: 'comet' } } });
  const spec = {
    openapi: '3.1.0',
    paths: {
      '/v1/chat/completions': tag('Comet Chat', 'chat'),
      '/v1/embeddings': tag('Comet Embeddings', 'embed'),
      '/v1/images/generations': tag('Comet Images', 'images'),
      '/kling/v1/videos/text2video': tag('Comet Kling', 'kling'),
    },
  };
  const loaded = { document: spec, index: indexSpec(spec), file: 'x' };
  it.each([
    ['gpt-4o-mini', 'chat'],
    ['text-embedding-3-small', 'embed'],
    ['flux-dev', 'images'],
    ['kling-v2', 'kling'],
  ])('%s -> %s', (id, op) => {
    const m = index.byKey.get(`comet:${id}`)!;
    const r = operationsFor(m, loaded);
    expect(r.guessed).toBe(true);
    expect(r.operations.map((o) => o.operationId)).toEqual([op]);
  });
});

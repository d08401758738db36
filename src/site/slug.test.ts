import { describe, expect, it } from 'vitest';
import { assignSlugs, slugOf } from './slug.js';

describe('slugOf', () => {
  it.each([
    ['fal-ai/flux/dev', 'fal-ai~flux~dev'],
    ['fal-ai/kling-video/v2.1/standard/image-to-video', 'fal-ai~kling-video~v2.1~standard~image-to-video'],
    ['gpt-4o-mini', 'gpt-4o-mini'],
    ['mj_fast_imagine', 'mj_5Ffast_5Fimagine'],
    ['a b:c', 'a_20b_3Ac'],
    ['.hidden', '_2Ehidden'],
    ['..', '_2E.'],
    ['~x', '_7Ex'],
    ['é', '_C3_A9'],
    ['', '_'],
  ])('%j -> %j', (id, slug) => {
    expect(slugOf(id)).toBe(slug);
  });

  it('never maps two ids to one slug', () => {
    const ids = ['a/b', 'a~b', 'a_b', 'a_7Eb', 'a_2Fb', 'a b', 'a.b', 'a-b'];
    expect(new Set(ids.map(slugOf)).size).toBe(ids.length);
  });
});

describe('assignSlugs', () => {
  it('gives ids that differ only in case different file names, in the order given', () => {
    const s = assignSlugs([
      { key: 'comet:GPT-4', id: 'GPT-4' },
      { key: 'comet:gpt-4', id: 'gpt-4' },
      { key: 'fal:gpt-4', id: 'gpt-4' },
    ]);
    expect([...s.values()]).toEqual(['GPT-4', 'gpt-4-2', 'gpt-4-3']);
  });
});

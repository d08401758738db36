import { describe, expect, it } from 'vitest';
import { editDistance, matchScore, nearest, words } from './rank.js';

describe('words', () => {
  it('splits ids and phrases into lower-case words', () => {
    expect(words('fal-ai/Flux/dev')).toEqual(['fal', 'ai', 'flux', 'dev']);
    expect(words('gpt-4.1-mini')).toEqual(['gpt', '4.1', 'mini']);
  });
});

describe('matchScore', () => {
  const flux = { id: 'fal-ai/flux/dev', text: ['FLUX.1 [dev]', 'text-to-image'] };
  const cases: Array<[string, string, 'match' | 'none']> = [
    ['empty query matches everything', '', 'match'],
    ['every word must occur', 'flux dev', 'match'],
    ['a word may be part of a word', 'flu', 'match'],
    ['words from the other fields count', 'flux image', 'match'],
    ['one missing word is no match', 'flux video', 'none'],
  ];
  it.each(cases)('%s', (_n, q, want) => {
    expect(matchScore(flux, q) === null ? 'none' : 'match').toBe(want);
  });
  it('ranks an exact id over a prefix over scattered words', () => {
    const exact = matchScore({ id: 'fal-ai/flux/dev', text: [] }, 'fal-ai/flux/dev')!;
    const prefix = matchScore({ id: 'fal-ai/flux/dev/lora', text: [] }, 'fal-ai/flux/dev')!;
    const scattered = matchScore({ id: 'x/dev', text: ['fal ai flux'] }, 'fal-ai/flux/dev')!;
    expect(exact).toBeGreaterThan(prefix);
    expect(prefix).toBeGreaterThan(scattered);
  });
});

describe('editDistance', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['same', 'same', 0],
  ] as const)('%s -> %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
  it('gives up past the limit', () => {
    expect(editDistance('aaaaaaaaaa', 'bbbbbbbbbb', 3)).toBe(4);
  });
});

describe('nearest', () => {
  const ids = ['fal-ai/flux/dev', 'fal-ai/flux/schnell', 'fal-ai/flux-pro', 'fal-ai/kling-video/v2/master/image-to-video', 'gpt-4o-mini', 'gpt-4o'];
  it('suggests close ids for a typo, best first', () => {
    expect(nearest('fal-ai/flux/dve', ids)[0]).toBe('fal-ai/flux/dev');
    expect(nearest('gpt4o-mini', ids)[0]).toBe('gpt-4o-mini');
  });
  it('suggests ids containing the query', () => {
    expect(nearest('kling', ids)).toEqual(['fal-ai/kling-video/v2/master/image-to-video']);
  });
  it('suggests nothing for an unrelated query', () => {
    expect(nearest('zzzzzzzzzzzzzzzzzzzzzz', ids)).toEqual([]);
  });
  it('is deterministic', () => {
    expect(nearest('flux', ids)).toEqual(nearest('flux', [...ids].reverse()));
  });
});

import { describe, expect, it } from 'vitest';
import { planFalImport } from './partial.js';
import type { FalListing, FalModelItem } from './types.js';

const entry = (id: string, category?: string): FalListing['models'][number] => ({
  endpoint_id: id,
  metadata: category ? { category } : null,
  openapi: { status: 'absent' },
});
const item = (id: string, category?: string): FalModelItem => ({ endpoint_id: id, ...(category ? { metadata: { category } } : {}) });
const listing = (...models: FalListing['models']): FalListing => ({ provider: 'fal', source: 's', models });

describe('planFalImport', () => {
  const old = listing(entry('a/t2i', 'text-to-image'), entry('b/t2i', 'text-to-image'), entry('c/i2v', 'image-to-video'), entry('d/llm', 'llm'), entry('e/x'));

  it('two category files out of four: a part, naming the missing categories and what a replace would remove', () => {
    const p = planFalImport([item('a/t2i', 'text-to-image'), item('c/i2v', 'image-to-video'), item('f/new', 'image-to-video')], old);
    expect(p.whole).toBe(false);
    expect(p.missingCategories).toEqual(['(none)', 'llm']);
    expect(p.notInFiles.map((m) => m.endpoint_id)).toEqual(['b/t2i', 'd/llm', 'e/x']);
  });

  it('every category present: a whole catalog (a model gone from a category is a real removal)', () => {
    const p = planFalImport([item('a/t2i', 'text-to-image'), item('c/i2v', 'image-to-video'), item('d/llm', 'llm'), item('e/x')], old);
    expect(p).toEqual({ whole: true, missingCategories: [], notInFiles: [entry('b/t2i', 'text-to-image')] });
  });

  it('no previous snapshot: whole', () => {
    expect(planFalImport([item('a', 'x')], null)).toEqual({ whole: true, missingCategories: [], notInFiles: [] });
  });
});

import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { sha256 } from '../core/hash.js';
import {
  cometDrift,
  driftReport,
  driftSummaryLines,
  falDrift,
  modelChanges,
  priceChanges,
  renderDriftMarkdown,
  withPrices,
  type PricedRegistry,
} from './drift.js';
import type { FalListing, FalListingEntry } from './fal/types.js';

const entry = (id: string, sha: string | null, price?: number): FalListingEntry => ({
  endpoint_id: id,
  metadata: { display_name: id, status: 'active' },
  openapi: sha ? { status: 'available', file: `openapi/${id}.json`, sha256: sha } : { status: 'unavailable', code: 'expansion_failed', message: 'x' },
  ...(price !== undefined ? { pricing: { unit_price: price, unit: 'image', currency: 'USD' } } : {}),
});
const listing = (...models: FalListingEntry[]): FalListing => ({ provider: 'fal', source: 's', models });

describe('falDrift', () => {
  it.each([
    ['nothing changed', listing(entry('a', 'h1', 1)), listing(entry('a', 'h1', 1)), [], { outcome: 'unchanged', added: [], removed: [], prices: [] }],
    ['first snapshot', null, listing(entry('a', 'h1')), [], { outcome: 'first', added: ['a'] }],
    [
      'added, removed, deprecated',
      listing(entry('a', 'h'), entry('b', 'h'), entry('c', 'h')),
      listing(entry('a', 'h'), entry('d', 'h')),
      ['c'],
      { outcome: 'changed', added: ['d'], removed: ['b'], deprecated: ['c'] },
    ],
    [
      'documents',
      listing(entry('a', 'h1', 1), entry('b', 'h', 2), entry('c', null)),
      listing(entry('a', 'h2', 1), entry('b', null), entry('c', 'h')),
      [],
      { outcome: 'changed', documents: { changed: ['a'], nowUnavailable: ['b'], nowAvailable: ['c'] } },
    ],
  ] as const)('%s', (_name, before, after, deprecated, want) => {
    expect(falDrift({ before, after, deprecated })).toMatchObject(want);
  });

  it('a failed fetch keeps the previous counts and says why', () => {
    const d = falDrift({ before: listing(entry('a', 'h')), after: null, error: 'fal: boom' });
    expect(d).toMatchObject({ outcome: 'failed', error: 'fal: boom', models: { before: 1, after: 1 } });
    expect(renderDriftMarkdown(driftReport([d]))).toContain('**Fetch failed; the previous snapshot was kept.** fal: boom');
  });
});

describe('cometDrift', () => {
  const v1 = (...ids: string[]) => ({
    provider: 'comet' as const,
    source: 's',
    models: ids.map((id) => ({ id, object: 'model', created: 1, owned_by: 'custom', supported_endpoint_types: [] })),
  });
  const api = (...items: Array<[string, number]>) => ({
    provider: 'comet' as const,
    source: 's',
    models: items.map(([id, per]) => ({ id, pricing: { currency: 'USD', per_request: per } })),
  });
  it('models and the public catalog', () => {
    const d = cometDrift({ before: { v1: v1('a', 'b'), api: api(['a', 1], ['x', 1]) }, after: { v1: v1('a', 'c'), api: api(['a', 2], ['y', 1]) } });
    expect(d).toMatchObject({ outcome: 'changed', added: ['c'], removed: ['b'], catalog: { added: ['y'], removed: ['x'] } });
  });
});

describe('renderDriftMarkdown', () => {
  it('says so when nothing changed, deterministically', () => {
    const r = driftReport([falDrift({ before: listing(entry('a', 'h')), after: listing(entry('a', 'h')) })]);
    const md = renderDriftMarkdown(r);
    expect(md).toContain('**No changes at the providers** since the previous snapshot.');
    expect(md).not.toMatch(/\d{4}-\d\d-\d\d/);
    expect(renderDriftMarkdown(r)).toBe(md);
    expect(driftSummaryLines(r)[0]).toBe('No changes at the providers since the previous snapshot.');
  });
  it('names the first added models in the summary and all of them in the folded details; the JSON has them all', () => {
    const many = Array.from({ length: 150 }, (_, i) => entry(`m${String(i).padStart(3, '0')}`, 'h'));
    const r = driftReport([falDrift({ before: listing(entry('zzz', 'h')), after: listing(entry('zzz', 'h'), ...many) })]);
    expect(r.providers[0]!.added).toHaveLength(150);
    const md = renderDriftMarkdown(r);
    expect(md).toContain('- **Added** (150): `m000`, `m001`');
    expect(md).toContain(', … and 130 more (details below)');
    expect(md).toContain('<details><summary>FAL: added (150)</summary>\n\n- `m000`');
    expect(md).toContain('- `m149`\n\n</details>');
  });
});

// Real FAL documents (tests/fixtures/diff/), edited the way FAL changes them.
type Obj = Record<string, unknown>;
const REAL = readFileSync(new URL('../../tests/fixtures/diff/fal-nano-banana.json', import.meta.url), 'utf8');
const schemas = (d: Obj) => (d.components as { schemas: Record<string, { properties: Record<string, Obj>; required?: string[] }> }).schemas;
const EDITS: Record<string, (d: Obj) => void> = {
  required: (d) => {
    const s = schemas(d).NanoBananaInput!;
    s.properties.seed = { type: 'integer' };
    s.required = [...(s.required ?? []), 'seed'];
  },
  enum: (d) => {
    schemas(d).NanoBananaInput!.properties.output_format!.enum = ['jpeg', 'webp'];
  },
  removed: (d) => {
    delete schemas(d).NanoBananaInput!.properties.sync_mode;
  },
  narrowed: (d) => {
    schemas(d).NanoBananaInput!.properties.num_images!.maximum = 2;
  },
  output: (d) => {
    delete schemas(d).ImageFile!.properties.url;
  },
  calm: (d) => {
    schemas(d).NanoBananaInput!.properties.extra = { type: 'string' };
  },
  words: (d) => {
    (d.info as Obj).description = 'reworded';
  },
};

/** A FAL snapshot drift: `edits` maps model ids to the edit of their (real) document. */
function snapshotDrift(edits: Record<string, string>): {
  before: FalListing;
  after: FalListing;
  files: { before: Map<string, string>; after: Map<string, string> };
} {
  const files = { before: new Map<string, string>(), after: new Map<string, string>() };
  const entries = (side: 'before' | 'after') =>
    Object.entries(edits).map(([id, edit]): FalListingEntry => {
      const doc = JSON.parse(REAL) as Obj;
      if (side === 'after') EDITS[edit]!(doc);
      const text = JSON.stringify(doc, null, 2);
      const file = `openapi/${id.replace(/\//g, '__')}.json`;
      files[side].set(file, text);
      return { endpoint_id: id, metadata: null, openapi: { status: 'available', file, sha256: sha256(text) } };
    });
  return { before: listing(...entries('before')), after: listing(...entries('after')), files };
}

describe('modelChanges and the classifying drift report', () => {
  it('classes each changed document by what it does to callers, with the diff engine', async () => {
    const s = snapshotDrift({
      'fal-ai/a': 'required',
      'fal-ai/b': 'enum',
      'fal-ai/c': 'removed',
      'fal-ai/d': 'narrowed',
      'fal-ai/e': 'output',
      'fal-ai/f': 'calm',
      'fal-ai/g': 'words',
    });
    const changes = await modelChanges(s.before, s.after, s.files);
    expect(changes.map((m) => [m.id, m.impacts, m.breaking])).toEqual([
      ['fal-ai/a', ['input-required'], 1],
      ['fal-ai/b', ['input-enum-removed'], 1],
      ['fal-ai/c', ['input-removed'], 1],
      ['fal-ai/d', ['input-narrowed'], 1],
      ['fal-ai/e', ['output-lost'], 1],
      ['fal-ai/f', [], 0],
    ]);
    expect(changes[1]!.changes[0]!.message).toBe('request body output_format: enum value "png" removed');
    const md = renderDriftMarkdown(driftReport([falDrift({ before: s.before, after: s.after, changes })]));
    const summary = md.slice(0, md.indexOf('## Details'));
    expect(summary).toContain('7 document(s) changed, 5 of them breaking callers.');
    expect(summary).toContain('- **Input gained a required property** (1): `fal-ai/a` (seed)\n');
    expect(summary).toContain('- **Input lost an enum value** (1): `fal-ai/b` (output_format "png")\n');
    expect(summary).toContain('- **Input lost a property** (1): `fal-ai/c` (sync_mode)\n');
    expect(summary).toContain('- **Input narrowed (type or limits)** (1): `fal-ai/d` (num_images: maximum lowered from 4 to 2)\n');
    expect(summary).toContain('- **Output lost something** (1): `fal-ai/e` (images[].url)\n');
    expect(md).toContain('<details><summary>FAL: breaking changes by model (5)</summary>');
    expect(md).toContain('- ⚠️ POST /fal-ai/nano-banana: request body output_format: enum value "png" removed');
    expect(md).toContain('<details><summary>FAL: documents with only non-breaking changes (1)</summary>');
  });

  it('on a large drift, names every model whose input gained a required property or lost an enum value in under 80 lines before the details', async () => {
    const kinds = ['required', 'enum', 'removed', 'narrowed', 'output', 'calm', 'words'];
    const edits: Record<string, string> = {};
    for (let i = 0; i < 350; i++) edits[`fal-ai/model-${String(i).padStart(3, '0')}`] = kinds[i % kinds.length]!;
    const s = snapshotDrift(edits);
    const extra = Array.from({ length: 400 }, (_, i) => entry(`fal-ai/new-${i}`, 'h'));
    const gone = Array.from({ length: 60 }, (_, i) => entry(`fal-ai/old-${i}`, 'h'));
    const before = listing(...s.before.models, ...gone);
    const after = listing(...s.after.models, ...extra);
    const changes = await modelChanges(before, after, s.files);
    const reg = (price: number): PricedRegistry => ({
      models: [{ provider: 'fal', id: 'fal-ai/model-000', pricing: { unitPrice: price, unit: 'image', currency: 'USD', source: 'fal', asOf: '2026-01-01' } }],
    });
    const report = driftReport([withPrices(falDrift({ before, after, changes }), reg(0.04), reg(0.05))]);
    const md = renderDriftMarkdown(report);
    const summary = md.slice(0, md.indexOf('## Details')).split('\n');
    expect(summary.length).toBeLessThan(80);
    const text = summary.join('\n');
    for (const m of changes.filter((x) => x.impacts.includes('input-required') || x.impacts.includes('input-enum-removed')))
      expect(text).toContain(`\`${m.id}\``);
    expect(changes.filter((x) => x.impacts.includes('input-required'))).toHaveLength(50);
    expect(text).toContain('- **Price changes** (1): `fal-ai/model-000` (0.04 USD / image → 0.05 USD / image (+25%))');
    expect(report.providers[0]!.changes).toHaveLength(300);
  });
});

describe('priceChanges (from the registries before and after)', () => {
  const reg = (...models: Array<[string, string, Obj | null]>): PricedRegistry => ({
    models: models.map(([provider, id, pricing]) => ({ provider, id, pricing })),
  });
  const p = (unitPrice: number | null, more: Obj = {}) => ({ unitPrice, unit: 'image', currency: 'USD', source: 'listing', asOf: '2026-01-01', ...more });
  it.each([
    ['a raised unit price, with its percentage', reg(['fal', 'a', p(0.04)]), reg(['fal', 'a', p(0.05, { asOf: '2026-02-01' })]), [{ id: 'a', percent: 25 }]],
    ['a lowered one', reg(['fal', 'a', p(0.03)]), reg(['fal', 'a', p(0.02)]), [{ id: 'a', percent: -33.3 }]],
    ['only the source or date changed: no change', reg(['fal', 'a', p(1)]), reg(['fal', 'a', p(1, { source: 'pricing', asOf: '2027-01-01' })]), []],
    ['a price that appeared: no percentage', reg(['fal', 'a', null]), reg(['fal', 'a', p(1)]), [{ id: 'a', before: null, percent: null }]],
    ['another unit: no percentage', reg(['fal', 'a', p(1)]), reg(['fal', 'a', p(2, { unit: 'megapixel' })]), [{ id: 'a', percent: null }]],
    ['token prices compare the input price', reg(['comet', 'x', p(null, { input: 2, output: 8 })]), reg(['comet', 'x', p(null, { input: 3, output: 8 })]), []],
    ['a new or removed model is no price change', reg(['fal', 'a', p(1)]), reg(['fal', 'b', p(2)]), []],
    ['other providers are not counted', reg(['comet', 'a', p(1)]), reg(['comet', 'a', p(2)]), []],
  ] as const)('%s', (_name, before, after, want) => {
    expect(priceChanges(before, after, 'fal')).toMatchObject(want);
  });
  it('token prices of Comet', () => {
    expect(priceChanges(reg(['comet', 'x', p(null, { input: 2 })]), reg(['comet', 'x', p(null, { input: 3 })]), 'comet')).toMatchObject([
      { id: 'x', percent: 50 },
    ]);
  });
  it('withPrices marks an otherwise unchanged provider as changed, and leaves a failed one alone', () => {
    const same = falDrift({ before: listing(entry('a', 'h')), after: listing(entry('a', 'h')) });
    expect(withPrices(same, reg(['fal', 'a', p(1)]), reg(['fal', 'a', p(2)]))).toMatchObject({ outcome: 'changed', prices: [{ id: 'a', percent: 100 }] });
    const failed = falDrift({ before: listing(entry('a', 'h')), after: null, error: 'x' });
    expect(withPrices(failed, reg(['fal', 'a', p(1)]), reg(['fal', 'a', p(2)])).prices).toEqual([]);
  });
});

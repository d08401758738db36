import { describe, it, expect } from 'vitest';
import { cometDrift, driftReport, driftSummaryLines, falDrift, renderDriftMarkdown } from './drift.js';
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
      'documents and prices',
      listing(entry('a', 'h1', 1), entry('b', 'h', 2), entry('c', null)),
      listing(entry('a', 'h2', 1), entry('b', null), entry('c', 'h')),
      [],
      {
        outcome: 'changed',
        documents: { changed: ['a'], nowUnavailable: ['b'], nowAvailable: ['c'] },
        prices: [{ id: 'b', before: { unitPrice: 2, unit: 'image', currency: 'USD' }, after: null }],
      },
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
  const v1 = (...ids: string[]) => ({ provider: 'comet' as const, source: 's', models: ids.map((id) => ({ id, object: 'model', created: 1, owned_by: 'custom', supported_endpoint_types: [] })) });
  const api = (...items: Array<[string, number]>) => ({ provider: 'comet' as const, source: 's', models: items.map(([id, per]) => ({ id, pricing: { currency: 'USD', per_request: per } })) });
  it('models and catalog prices', () => {
    const d = cometDrift({ before: { v1: v1('a', 'b'), api: api(['a', 1], ['x', 1]) }, after: { v1: v1('a', 'c'), api: api(['a', 2], ['y', 1]) } });
    expect(d).toMatchObject({ outcome: 'changed', added: ['c'], removed: ['b'], catalog: { added: ['y'], removed: ['x'] } });
    expect(d.prices).toEqual([{ id: 'a', before: { unitPrice: 1, unit: 'request', currency: 'USD' }, after: { unitPrice: 2, unit: 'request', currency: 'USD' } }]);
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
  it('cuts long lists in the Markdown but not in the JSON', () => {
    const many = Array.from({ length: 150 }, (_, i) => entry(`m${String(i).padStart(3, '0')}`, 'h'));
    const r = driftReport([falDrift({ before: listing(entry('zzz', 'h')), after: listing(entry('zzz', 'h'), ...many) })]);
    expect(r.providers[0]!.added).toHaveLength(150);
    expect(renderDriftMarkdown(r)).toContain('- … and 50 more (see drift-report.json)');
  });
});

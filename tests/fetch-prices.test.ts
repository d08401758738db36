import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempProject } from './helpers/project.js';
import { falServer, fetchFixtures, loadFalFixture, type FakeApi } from './fetch-server.js';
import { FAKE_FAL_KEY, cometFixtureFiles, contentOnly, readTree, runCliAsync } from './fetch-helpers.js';

/**
 * Prices with their source and date: a saved price list imported with
 * `--prices-from` (the committed snapshot's path), replaced by a keyed live
 * fetch, kept when the key is rejected; then shown by estimate and models.
 */
const fal = loadFalFixture();
const sample = join(fetchFixtures, 'fal-prices.public-snapshot.sample.json');
const PUBLIC = ['--price-source', 'fal-public-snapshot', '--as-of', '2025-10-30'];
let falApi: FakeApi;
let root = '';
let cleanup: () => Promise<void> = async () => {};

const env = (extra: Record<string, string | undefined> = {}): Record<string, string | undefined> => ({ FAL_API_BASE_URL: falApi.url, ...extra });
const registry = async (): Promise<{ models: Array<{ id: string; provider: string; pricing: Record<string, unknown> | null }> }> =>
  JSON.parse(await readFile(join(root, 'data/model_registry.json'), 'utf8'));
const priceOf = async (id: string): Promise<Record<string, unknown> | null | undefined> => (await registry()).models.find((m) => m.id === id)?.pricing;

beforeEach(async () => {
  falApi = await falServer({ models: fal.models, prices: fal.prices, key: FAKE_FAL_KEY, pageSize: 7 }).start();
  ({ root, cleanup } = await tempProject());
  // A FAL snapshot without prices: listed without a key.
  const r = await runCliAsync(['fetch', '--provider', 'fal'], { cwd: root, env: env() });
  expect(r.status).toBe(0);
});
afterEach(async () => {
  await falApi.close();
  await cleanup();
});

describe('api-hub fetch --prices-from', () => {
  it('prices the snapshot from a saved price list, with its source and date, leaving the listing and documents alone; twice gives the same bytes', async () => {
    const before = contentOnly(await readTree(join(root, 'specs/providers/fal')));
    expect(await priceOf('fal-ai/flux/dev')).toBeNull();
    const r = await runCliAsync(['fetch', '--provider', 'fal', '--prices-from', sample, ...PUBLIC], { cwd: root, env: env() });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('note: 18 of 30 model(s) priced from 1 file(s) (source fal-public-snapshot, as of 2025-10-30)');
    expect(r.stdout).toContain('note: 2 price(s) for endpoints the snapshot does not list were ignored');
    expect(r.stdout).toContain('18 price change(s)');
    expect(falApi.requests.filter((q) => q.path === '/v1/models/pricing')).toHaveLength(0);

    expect(await priceOf('fal-ai/flux/dev')).toEqual({
      unitPrice: 0.025,
      unit: 'megapixels',
      currency: 'USD',
      source: 'fal-public-snapshot',
      asOf: '2025-10-30',
    });
    const after = contentOnly(await readTree(join(root, 'specs/providers/fal')));
    // Only the listing changed: every document is byte for byte the same.
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect([...after].filter(([k, v]) => before.get(k) !== v).map(([k]) => k)).toEqual(['models.json']);

    const again = await runCliAsync(['fetch', '--provider', 'fal', '--prices-from', sample, ...PUBLIC], { cwd: root, env: env() });
    expect(again.status).toBe(0);
    expect(contentOnly(await readTree(join(root, 'specs/providers/fal')))).toEqual(after);
  });

  it('estimate works offline from the imported price and names its source and date; models shows it too', async () => {
    expect((await runCliAsync(['fetch', '--provider', 'fal', '--prices-from', sample, ...PUBLIC], { cwd: root, env: env() })).status).toBe(0);
    const e = await runCliAsync(['estimate', 'fal-ai/flux/dev', '--units', '10'], { cwd: root, env: { FAL_API_BASE_URL: 'http://127.0.0.1:9' } });
    expect(e.status).toBe(0);
    expect(e.stdout).toBe('fal-ai/flux/dev: 10 megapixels × 0.025 USD = 0.25 USD (registry price: fal-public-snapshot, as of 2025-10-30)\n');
    const j = await runCliAsync(['estimate', 'fal-ai/flux/dev', '--units', '10', '--json'], { cwd: root, env: {} });
    expect(JSON.parse(j.stdout).estimates[0]).toMatchObject({ total: 0.25, currency: 'USD', priceSource: 'fal-public-snapshot', priceAsOf: '2025-10-30' });
    const m = await runCliAsync(['models', 'flux', 'dev'], { cwd: root, env: {} });
    expect(m.stdout).toMatch(/fal-ai\/flux\/dev\s+text-to-image\s+active\s+0\.025 USD per megapixels \(fal-public-snapshot, as of 2025-10-30\)/);
    // Unpriced: says so, and how to get one (exit 2, as for any estimate that cannot be made).
    const u = await runCliAsync(['estimate', 'fal-ai/wan-ati', '--units', '1'], { cwd: root, env: {} });
    expect(u.status).toBe(2);
    expect(u.stderr).toContain('the registry has no price for this model');
    expect(u.stderr).toContain('--prices-from FILE');
  });

  it('a keyed live fetch replaces the imported prices (after a 429), stamped fal-pricing-api and today', async () => {
    expect((await runCliAsync(['fetch', '--provider', 'fal', '--prices-from', sample, ...PUBLIC], { cwd: root, env: env() })).status).toBe(0);
    falApi.faults.push({
      match: (q) => q.path === '/v1/models/pricing',
      times: 1,
      fault: { kind: 'status', status: 429, headers: { 'retry-after': '0' }, body: { error: { type: 'rate_limited', message: 'Rate limit exceeded' } } },
    });
    const r = await runCliAsync(['fetch', '--provider', 'fal'], { cwd: root, env: env({ FAL_API_KEY: FAKE_FAL_KEY }) });
    expect(r.status).toBe(0);
    expect(falApi.requests.filter((q) => q.path === '/v1/models/pricing').map((q) => q.outcome)).toContain('429');
    const today = new Date().toISOString().slice(0, 10);
    const live = fal.prices.find((p) => p.endpoint_id === 'fal-ai/flux/dev')!;
    expect(await priceOf('fal-ai/flux/dev')).toEqual({ unitPrice: live.unit_price, unit: live.unit, currency: 'USD', source: 'fal-pricing-api', asOf: today });
    // Every price now comes from the API: none of the public list is left.
    expect((await registry()).models.filter((m) => m.pricing?.source === 'fal-public-snapshot')).toEqual([]);
  });

  it('a rejected key (401) keeps the imported prices and says which variable to set', async () => {
    expect((await runCliAsync(['fetch', '--provider', 'fal', '--prices-from', sample, ...PUBLIC], { cwd: root, env: env() })).status).toBe(0);
    const listing = await readFile(join(root, 'specs/providers/fal/models.json'), 'utf8');
    const r = await runCliAsync(['fetch', '--provider', 'fal'], { cwd: root, env: env({ FAL_API_KEY: 'wrong-key-123' }) });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('rejected the key in FAL_API_KEY (HTTP 401)');
    expect(r.stderr).not.toContain('wrong-key-123');
    expect(await readFile(join(root, 'specs/providers/fal/models.json'), 'utf8')).toBe(listing);
    expect(await priceOf('fal-ai/flux/dev')).toMatchObject({ source: 'fal-public-snapshot', asOf: '2025-10-30' });
  });

  it.each([
    [
      'a file that is not a pricing response',
      () => ['--provider', 'fal', '--prices-from', join(fetchFixtures, 'fal-models.json')],
      /fal-models\.json: not a FAL \/v1\/models\/pricing response/,
    ],
    ['a date that is not one', () => ['--provider', 'fal', '--prices-from', sample, '--as-of', '2025-02-30'], /--as-of must be a date as YYYY-MM-DD/],
    ['a source label with spaces', () => ['--provider', 'fal', '--prices-from', sample, '--price-source', 'my prices'], /--price-source must be a short label/],
    ['Comet', () => ['--provider', 'comet', '--prices-from', sample], /--prices-from prices the FAL snapshot: give --provider fal/],
    ['--as-of on a live fetch', () => ['--provider', 'fal', '--as-of', '2025-10-30'], /use them with --prices-from or --from/],
  ])('refuses %s (exit 2, nothing changed)', async (_name, args, message) => {
    const before = await readFile(join(root, 'specs/providers/fal/models.json'), 'utf8');
    const r = await runCliAsync(['fetch', ...args()], { cwd: root, env: env() });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(await readFile(join(root, 'specs/providers/fal/models.json'), 'utf8')).toBe(before);
  });

  it('needs a FAL snapshot to price', async () => {
    const empty = await tempProject();
    try {
      const r = await runCliAsync(['fetch', '--provider', 'fal', '--prices-from', sample], { cwd: empty.root, env: env() });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('no FAL snapshot to price');
    } finally {
      await empty.cleanup();
    }
  });
});

describe('Comet prices from /api/models', () => {
  it('--from with a saved catalog records its date on every Comet price; a model the catalog does not price says how to get one', async () => {
    const r = await runCliAsync(['fetch', '--provider', 'comet', '--from', ...cometFixtureFiles, '--as-of', '2026-01-02'], { cwd: root, env: {} });
    expect(r.status).toBe(0);
    expect(await priceOf('gpt-4o')).toEqual({
      unitPrice: null,
      unit: '1M tokens',
      currency: 'USD',
      input: 2,
      output: 8,
      source: 'comet-api-models',
      asOf: '2026-01-02',
    });
    const e = await runCliAsync(['estimate', 'gpt-4o-mini', '--units', '1'], { cwd: root, env: {} });
    expect(e.stderr).toMatch(/priced per token \(input [\d.]+, output [\d.]+ USD per 1M tokens \(comet-api-models, as of 2026-01-02\)\)/);
    const catalog = JSON.parse(await readFile(join(root, 'specs/providers/comet/catalog/api-models.json'), 'utf8'));
    expect(catalog.asOf).toBe('2026-01-02');
    // dall-e-3 is in /v1/models but not in the saved catalog: no price, and how to get one.
    const u = await runCliAsync(['estimate', 'dall-e-3', '--units', '1'], { cwd: root, env: {} });
    expect(u.status).toBe(2);
    expect(u.stderr).toContain(
      'dall-e-3: the registry has no price for this model. Comet publishes prices in its public catalog GET /api/models: run `api-hub fetch --provider comet`',
    );
  });
});

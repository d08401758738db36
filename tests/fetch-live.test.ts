import { describe, it, expect, beforeAll, beforeEach, afterEach } from 'vitest';
import { readFile, writeFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { tempProject } from './helpers/project.js';
import { runCli } from './helpers/cli.js';
import { cometServer, falServer, loadCometFixture, loadFalFixture, type FakeApi, type FalItem } from './fetch-server.js';
import {
  FAKE_COMET_KEY,
  FAKE_FAL_KEY,
  cometFixtureFiles,
  contentOnly,
  projectRoot,
  readTree,
  runCliAsync,
  writeFalResponses,
  cliEnv,
} from './fetch-helpers.js';

const fal = loadFalFixture();
const comet = loadCometFixture();
let falApi: FakeApi;
let cometApi: FakeApi;
let root = '';
let cleanup: () => Promise<void> = async () => {};

function env(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return { FAL_API_BASE_URL: falApi.url, COMET_API_BASE_URL: cometApi.url, FAL_API_KEY: FAKE_FAL_KEY, COMET_API_KEY: FAKE_COMET_KEY, ...extra };
}

beforeEach(async () => {
  falApi = await falServer({ models: fal.models, prices: fal.prices, key: FAKE_FAL_KEY, pageSize: 7 }).start();
  cometApi = await cometServer({ v1: comet.v1, api: comet.api, key: FAKE_COMET_KEY }).start();
  ({ root, cleanup } = await tempProject());
});
afterEach(async () => {
  await falApi.close();
  await cometApi.close();
  await cleanup();
});

describe('api-hub fetch (live, against local FAL and Comet servers)', () => {
  it('fetches every page and price, keeps expansion_failed models as unavailable, and writes snapshot, registry and drift report', async () => {
    const r = await runCliAsync(['fetch'], { cwd: root, env: env() });
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);

    // FAL: 30 models over 5 pages of 7, each page asked as documented.
    // Five pages, asked for as documented (pages past the last one may be asked ahead: they are empty).
    const pages = falApi.hits('/v1/models');
    expect(pages.length).toBeLessThanOrEqual(5 + 2);
    for (const p of pages) {
      expect(p.query.get('status')).toBe('active');
      expect(p.query.get('expand')).toBe('openapi-3.0');
      expect(p.headers.authorization).toBe(`Key ${FAKE_FAL_KEY}`);
    }
    expect(pages.map((p) => p.query.get('cursor'))).toEqual(expect.arrayContaining([null, 'Mg==', 'Mw==', 'NA==', 'NQ==']));
    const pricing = falApi.hits('/v1/models/pricing');
    expect(pricing.length).toBeGreaterThan(0);
    expect(pricing.flatMap((p) => p.query.getAll('endpoint_id')).sort()).toEqual(fal.models.map((m) => m.endpoint_id).sort());
    for (const p of pricing) expect(p.query.getAll('endpoint_id').length).toBeLessThanOrEqual(50);

    const listing = JSON.parse(await readFile(join(root, 'specs/providers/fal/models.json'), 'utf8'));
    expect(listing.models).toHaveLength(30);
    const unavailable = listing.models
      .filter((m: { openapi: { status: string } }) => m.openapi.status !== 'available')
      .map((m: { endpoint_id: string }) => m.endpoint_id);
    expect(unavailable).toEqual(['fal-ai/hyper-sdxl', 'fal-ai/kling-video/v1/pro/text-to-video']);
    expect(r.stdout).toContain('no document: fal-ai/hyper-sdxl');
    expect(listing.models.filter((m: { pricing?: unknown }) => m.pricing)).toHaveLength(25);
    expect(await readdir(join(root, 'specs/providers/fal/openapi'))).toHaveLength(28);

    // Comet: both catalogs, the key only where it is needed.
    expect(cometApi.hits('/v1/models')[0]!.headers.authorization).toBe(`Bearer ${FAKE_COMET_KEY}`);
    expect(cometApi.hits('/api/models')[0]!.headers.authorization).toBeUndefined();
    const v1 = JSON.parse(await readFile(join(root, 'specs/providers/comet/catalog/v1-models.json'), 'utf8'));
    expect(v1.models).toHaveLength(22);
    const api = JSON.parse(await readFile(join(root, 'specs/providers/comet/catalog/api-models.json'), 'utf8'));
    expect(api.models.map((m: { id: string }) => m.id)).toContain('gpt-image-2');

    // Registry: one entry per model, valid against the shipped schema, Comet priced from the catalog.
    const registry = JSON.parse(await readFile(join(root, 'data/model_registry.json'), 'utf8'));
    expect(registry.counts).toEqual({ total: 52, fal: 30, comet: 22, withDocument: 50 });
    const schema = JSON.parse(await readFile(join(projectRoot, 'schemas/model-registry.schema.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true }).compile(schema);
    expect(validate(registry), JSON.stringify(validate.errors)).toBe(true);
    const gpt4o = registry.models.find((m: { id: string }) => m.id === 'gpt-4o');
    const today = new Date().toISOString().slice(0, 10);
    expect(gpt4o).toMatchObject({
      provider: 'comet',
      category: 'llm',
      pricing: { unitPrice: null, unit: '1M tokens', currency: 'USD', input: 2, output: 8, source: 'comet-api-models', asOf: today },
    });
    expect(registry.models.find((m: { id: string }) => m.id === 'kling_video')).toMatchObject({
      category: 'text-to-video',
      tags: expect.arrayContaining(['kling']),
    });
    // A keyed FAL fetch stamps every price with the pricing API and the day.
    expect(registry.models.find((m: { id: string }) => m.id === 'fal-ai/flux/dev')?.pricing).toMatchObject({ source: 'fal-pricing-api', asOf: today });
    const hyper = registry.models.find((m: { id: string }) => m.id === 'fal-ai/hyper-sdxl');
    expect(hyper).toMatchObject({ status: 'unavailable', document: { available: false } });

    // Drift: a first snapshot, said so in the file and on the terminal.
    const drift = await readFile(join(root, 'specs/drift-report.md'), 'utf8');
    expect(drift).toContain('First snapshot: 30 models.');
    expect(r.stdout).toContain('drift report: specs/drift-report.md');

    // Fetch times and ETags live only in the metadata file.
    for (const [file, text] of contentOnly(await readTree(join(root, 'specs'))))
      expect(text, file).not.toMatch(/fetchedAt|20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z(?!")/);
    const meta = JSON.parse(await readFile(join(root, 'specs/providers/fal/.fetch-meta.json'), 'utf8'));
    expect(meta.provider).toBe('fal');
  });

  it('gives the same bytes as `--from` of the same responses (one snapshot code path)', async () => {
    const live = await runCliAsync(['fetch'], { cwd: root, env: env() });
    expect(live.status).toBe(0);
    const other = await tempProject();
    try {
      const files = await writeFalResponses(other.root, fal.models, fal.prices);
      expect(runCli(['fetch', '--provider', 'fal', '--from', ...files], { cwd: other.root }).status).toBe(0);
      expect(runCli(['fetch', '--provider', 'comet', '--from', ...cometFixtureFiles], { cwd: other.root }).status).toBe(0);
      const a = contentOnly(await readTree(join(root, 'specs/providers')));
      const b = contentOnly(await readTree(join(other.root, 'specs/providers')));
      expect([...a.keys()]).toEqual([...b.keys()]);
      for (const [k, v] of a) expect(b.get(k), k).toBe(v);
      expect(await readFile(join(root, 'data/model_registry.json'), 'utf8')).toBe(await readFile(join(other.root, 'data/model_registry.json'), 'utf8'));
    } finally {
      await other.cleanup();
    }
  });

  it('uses ETags on the next run, says when nothing changed, then reports added, removed, deprecated, changed documents and prices', async () => {
    falApi.etags = true;
    cometApi.etags = true;
    expect((await runCliAsync(['fetch'], { cwd: root, env: env() })).status).toBe(0);
    const first = contentOnly(await readTree(join(root, 'specs/providers')));
    const registry1 = await readFile(join(root, 'data/model_registry.json'), 'utf8');

    // The ETags of the responses that made the snapshot are kept beside it (5 pages, 1 pricing batch).
    const meta = JSON.parse(await readFile(join(root, 'specs/providers/fal/.fetch-meta.json'), 'utf8')) as { requests: Record<string, { etag: string }> };
    const remembered = new Set(Object.keys(meta.requests).map((u) => u.slice(falApi.url.length)));
    expect(remembered.size).toBe(6);
    falApi.requests.length = 0;
    const again = await runCliAsync(['fetch'], { cwd: root, env: env() });
    expect(again.status).toBe(0);
    // Each of them is asked conditionally and not sent again.
    const repeated = falApi.requests.filter((q) => remembered.has(`${q.path}?${q.query}`));
    expect(repeated).toHaveLength(6);
    for (const q of repeated) {
      expect(q.headers['if-none-match'], q.path).toBeTruthy();
      expect(q.outcome).toBe('304');
    }
    expect(cometApi.requests.slice(-2).map((q) => q.outcome)).toEqual(['304', '304']);
    expect(contentOnly(await readTree(join(root, 'specs/providers')))).toEqual(first);
    expect(await readFile(join(root, 'data/model_registry.json'), 'utf8')).toBe(registry1);
    expect(again.stdout).toContain('No changes at the providers');
    expect(await readFile(join(root, 'specs/drift-report.md'), 'utf8')).toContain('**No changes at the providers**');

    // The providers change: one model gone, one deprecated, one new, a document and a price changed.
    const [gone, deprecated, ...rest] = fal.models as [FalItem, FalItem, ...FalItem[]];
    const changedDoc = structuredClone(rest[0]!);
    (changedDoc.openapi as { info: { description: string } }).info.description = 'changed upstream';
    // …and its input gains a required property: the drift report must say so.
    const inputs = Object.entries(
      (changedDoc.openapi as { components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> } }).components.schemas,
    ).filter(([name, s]) => name.endsWith('Input') && s.properties);
    const [, input] = inputs[0]!;
    input.properties!.seed_v2 = { type: 'integer' };
    input.required = [...(input.required ?? []), 'seed_v2'];
    const added: FalItem = { ...structuredClone(rest[1]!), endpoint_id: 'fal-ai/brand-new-model' };
    await falApi.close();
    const prices = fal.prices.map((p) => (p.endpoint_id === 'fal-ai/flux/dev' ? { ...p, unit_price: 0.03 } : p));
    falApi = await falServer({
      models: [changedDoc, ...rest.slice(1), added],
      prices,
      key: FAKE_FAL_KEY,
      deprecated: [{ ...deprecated, metadata: { ...deprecated.metadata, status: 'deprecated' } }],
    }).start();
    falApi.etags = true;
    const third = await runCliAsync(['fetch', '--provider', 'fal'], { cwd: root, env: env() });
    expect(third.status).toBe(0);
    const report = JSON.parse(await readFile(join(root, 'specs/drift-report.json'), 'utf8'));
    const d = report.providers.find((p: { provider: string }) => p.provider === 'fal');
    expect(d).toMatchObject({
      outcome: 'changed',
      added: ['fal-ai/brand-new-model'],
      removed: [gone.endpoint_id],
      deprecated: [deprecated.endpoint_id],
      documents: { changed: [changedDoc.endpoint_id] },
    });
    expect(d.prices).toEqual([
      {
        id: 'fal-ai/flux/dev',
        before: expect.objectContaining({ unitPrice: expect.any(Number) }),
        after: expect.objectContaining({ unitPrice: 0.03, unit: 'image', currency: 'USD' }),
        percent: expect.any(Number),
      },
    ]);
    // The changed document was diffed by the diff engine: its description changed (nothing to report) and its input gained a required property.
    expect(d.changes).toMatchObject([{ id: changedDoc.endpoint_id, impacts: ['input-required'], breaking: 1, nonBreaking: 0 }]);
    const md = await readFile(join(root, 'specs/drift-report.md'), 'utf8');
    expect(md).toContain(`- **Deprecated (no longer in the active list)** (1): \`${deprecated.endpoint_id}\``);
    expect(md).toMatch(/- \*\*Price changes\*\* \(1\): `fal-ai\/flux\/dev` \(.* → 0\.03 USD \/ image \([+-][\d.]+%\)\)/);
    expect(md).toContain('| `fal-ai/flux/dev` |');
    expect(md).toContain(`- **Input gained a required property** (1): \`${changedDoc.endpoint_id}\` (seed_v2)`);
    expect(third.stdout).toMatch(/FAL: 30 → 29 models; 1 added, 1 removed, 1 deprecated, 1 document\(s\) changed \(1 breaking callers\), 1 price change\(s\)/);
  });

  it('lists without a FAL key (and says so), keeps the previous prices, and still needs COMET_API_KEY for Comet', async () => {
    expect((await runCliAsync(['fetch', '--provider', 'fal'], { cwd: root, env: env() })).status).toBe(0);
    const before = await readFile(join(root, 'specs/providers/fal/models.json'), 'utf8');
    falApi.requests.length = 0;
    const r = await runCliAsync(['fetch'], { cwd: root, env: env({ FAL_API_KEY: undefined, COMET_API_KEY: undefined }) });
    expect(r.stdout + r.stderr).toContain('FAL_API_KEY (or FAL_KEY) is not set');
    expect(r.stderr).toContain('kept 25 price(s) from the previous snapshot');
    expect(falApi.hits('/v1/models/pricing')).toHaveLength(0);
    for (const q of falApi.requests) expect(q.headers.authorization).toBeUndefined();
    expect(await readFile(join(root, 'specs/providers/fal/models.json'), 'utf8')).toBe(before);
    // Comet without a key: one line naming the variable, exit 2, nothing of Comet written.
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n').filter((l) => l.includes('COMET_API_KEY'))).toHaveLength(1);
    expect(cometApi.requests).toHaveLength(0);
    await expect(readdir(join(root, 'specs/providers/comet/catalog'))).rejects.toThrow();
  });

  it('reads keys from .env in the project root (the environment wins) and accepts FAL_KEY', async () => {
    await writeFile(
      join(root, '.env'),
      `# local secrets\nFAL_KEY=${FAKE_FAL_KEY}\nCOMET_API_KEY="${FAKE_COMET_KEY}"\nCOMET_API_BASE_URL=http://127.0.0.1:9/unused\n`,
    );
    const r = await runCliAsync(['fetch'], { cwd: root, env: { FAL_API_BASE_URL: falApi.url, COMET_API_BASE_URL: cometApi.url } });
    expect(r.stderr).not.toMatch(/error|not set/);
    expect(r.status).toBe(0);
    expect(falApi.hits('/v1/models/pricing')[0]!.headers.authorization).toBe(`Key ${FAKE_FAL_KEY}`);
    expect(cometApi.hits('/v1/models')[0]!.headers.authorization).toBe(`Bearer ${FAKE_COMET_KEY}`);
  });

  it('prints plain progress lines when piped, nothing but errors with --quiet', async () => {
    const plain = await runCliAsync(['fetch'], { cwd: root, env: env() });
    expect(plain.stderr).toContain('fal: page 5, 30 models so far');
    expect(plain.stderr).not.toContain('\r');
    const quiet = await runCliAsync(['--quiet', 'fetch'], { cwd: root, env: env() });
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).toBe('');
  });

  it('never writes or prints a key, even when a server echoes it back', async () => {
    // Gateways that put the Authorization header into their error messages.
    falApi.faults.push({
      match: (q) => q.path === '/v1/models/pricing',
      fault: { kind: 'status', status: 400, body: { error: { type: 'validation_error', message: `bad request with header Key ${FAKE_FAL_KEY}` } } },
    });
    cometApi.faults.push({
      match: (q) => q.path === '/v1/models',
      fault: { kind: 'status', status: 401, body: { error: { message: `invalid token Bearer ${FAKE_COMET_KEY}` } } },
    });
    const r = await runCliAsync(['fetch'], { cwd: root, env: { ...env(), API_HUB_DEBUG: '1' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('HTTP 400');
    expect(r.stderr).toContain('[redacted]');
    expect(r.stderr.split('\n').filter((l) => l.startsWith('api-hub: comet:'))).toEqual([
      'api-hub: comet: Comet rejected the key in COMET_API_KEY (HTTP 401); set COMET_API_KEY to a valid key. The previous comet snapshot is unchanged.',
    ]);
    for (const key of [FAKE_FAL_KEY, FAKE_COMET_KEY]) {
      expect(r.stdout).not.toContain(key);
      expect(r.stderr).not.toContain(key);
      for (const [file, text] of await readTree(root)) expect(text.includes(key), file).toBe(false);
    }
    // A successful run writes no key either (snapshot, metadata, registry, drift report).
    falApi.faults.length = 0;
    cometApi.faults.length = 0;
    const ok = await runCliAsync(['fetch'], { cwd: root, env: env() });
    expect(ok.status).toBe(0);
    const tree = await readTree(root);
    expect(tree.has('specs/providers/fal/.fetch-meta.json')).toBe(true);
    for (const key of [FAKE_FAL_KEY, FAKE_COMET_KEY]) for (const [file, text] of tree) expect(text.includes(key), file).toBe(false);
  });

  it('refuses bad settings with a usage error', async () => {
    const r = await runCliAsync(['fetch', '--concurrency', '0'], { cwd: root, env: env() });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--concurrency must be a whole number');
    const u = await runCliAsync(['fetch', '--provider', 'fal'], { cwd: root, env: env({ FAL_API_BASE_URL: 'ftp://example.com' }) });
    expect(u.status).toBe(2);
    expect(u.stderr).toContain('FAL_API_BASE_URL must be an http(s) URL');
  });
});

beforeAll(() => {
  // Keep the helpers' environment scrubbing honest.
  expect(cliEnv({}).FAL_KEY).toBeUndefined();
});

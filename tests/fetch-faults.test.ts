/**
 * Every injected fault ends with either a correct snapshot or the previous
 * snapshot intact and a clear error, checked on disk.
 */
import { describe, it, expect, beforeAll, beforeEach, afterEach } from 'vitest';
import { join } from 'node:path';
import { readdir } from 'node:fs/promises';
import { tempProject } from './helpers/project.js';
import { runCli } from './helpers/cli.js';
import { cometServer, falServer, loadCometFixture, loadFalFixture, type FakeApi, type Fault, type RecordedRequest } from './fetch-server.js';
import { FAKE_COMET_KEY, FAKE_FAL_KEY, cometFixtureFiles, contentOnly, readTree, runCliAsync, writeFalResponses, type AsyncRun } from './fetch-helpers.js';

const fal = loadFalFixture();
const comet = loadCometFixture();

/** What a clean fetch of the fixture writes: the expected snapshot after a recovered fault. */
let reference = new Map<string, string>();
let falApi: FakeApi;
let cometApi: FakeApi;
let root = '';
let cleanup: () => Promise<void> = async () => {};

function env(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return { FAL_API_BASE_URL: falApi.url, COMET_API_BASE_URL: cometApi.url, FAL_API_KEY: FAKE_FAL_KEY, COMET_API_KEY: FAKE_COMET_KEY, ...extra };
}

const page = (n: number) => (r: RecordedRequest) =>
  r.path === '/v1/models' && (n === 1 ? r.query.get('cursor') === null : r.query.get('cursor') === Buffer.from(String(n)).toString('base64'));
const pricing = (r: RecordedRequest) => r.path === '/v1/models/pricing';

async function startServers(): Promise<void> {
  falApi = await falServer({ models: fal.models, prices: fal.prices, key: FAKE_FAL_KEY, pageSize: 7 }).start();
  cometApi = await cometServer({ v1: comet.v1, api: comet.api, key: FAKE_COMET_KEY }).start();
}

async function snapshotOnDisk(): Promise<Map<string, string>> {
  const t = await readTree(join(root, 'specs'));
  const registry = await readTree(join(root, 'data'));
  for (const [k, v] of registry) t.set(`data/${k}`, v);
  return t;
}

beforeAll(async () => {
  await startServers();
  const p = await tempProject();
  try {
    root = p.root;
    const r = await runCliAsync(['fetch', '--provider', 'fal'], { cwd: p.root, env: env() });
    expect(r.status).toBe(0);
    reference = contentOnly(await readTree(join(p.root, 'specs/providers/fal')));
  } finally {
    await p.cleanup();
    await falApi.close();
    await cometApi.close();
  }
});

beforeEach(async () => {
  await startServers();
  ({ root, cleanup } = await tempProject());
  // The previous snapshot: an older catalog of 20 models, imported from saved responses.
  const files = await writeFalResponses(root, fal.models.slice(0, 20), fal.prices.slice(0, 10));
  expect(runCli(['fetch', '--provider', 'fal', '--from', ...files], { cwd: root }).status).toBe(0);
  expect(runCli(['fetch', '--provider', 'comet', '--from', cometFixtureFiles[0]!], { cwd: root }).status).toBe(0);
});
afterEach(async () => {
  await falApi.close();
  await cometApi.close();
  await cleanup();
});

async function expectFalIntact(before: Map<string, string>, r: AsyncRun, message: RegExp): Promise<void> {
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).toContain('The previous fal snapshot is unchanged.');
  const after = await snapshotOnDisk();
  expect(after.get('providers/fal/models.json')).toBe(before.get('providers/fal/models.json'));
  expect(falEntries(after.get('data/model_registry.json'))).toEqual(falEntries(before.get('data/model_registry.json')));
  expect(contentOnly(await readTree(join(root, 'specs/providers/fal')))).toEqual(contentOnly(await subtree(before, 'providers/fal/')));
  // No temp or half-swapped directories are left behind.
  expect((await readdir(join(root, 'specs/providers'))).filter((e) => e.startsWith('.'))).toEqual([]);
}

function falEntries(registry: string | undefined): unknown[] {
  return (JSON.parse(registry ?? '{"models":[]}') as { models: Array<{ provider: string }> }).models.filter((m) => m.provider === 'fal');
}

async function subtree(tree: Map<string, string>, prefix: string): Promise<Map<string, string>> {
  return new Map([...tree].filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
}

async function expectFalCorrect(r: AsyncRun): Promise<void> {
  expect(r.stderr).not.toMatch(/^api-hub: /m);
  expect(r.status).toBe(0);
  expect(contentOnly(await readTree(join(root, 'specs/providers/fal')))).toEqual(reference);
}

async function runWith(
  faults: Array<{ match?: (r: RecordedRequest) => boolean; times?: number; fault: Fault }>,
  extra: Record<string, string> = {},
): Promise<AsyncRun> {
  falApi.faults.push(...faults);
  return runCliAsync(['fetch', '--provider', 'fal'], { cwd: root, env: env(extra) });
}

describe('fetch under faults: recovered → correct snapshot', () => {
  it('429 without Retry-After: backs off and retries', async () => {
    const r = await runWith([
      { match: page(2), times: 2, fault: { kind: 'status', status: 429, body: { error: { type: 'rate_limited', message: 'Rate limit exceeded' } } } },
    ]);
    await expectFalCorrect(r);
    expect(falApi.requests.filter(page(2)).map((q) => q.outcome)).toEqual(['429', '429', '200']);
    expect(r.stderr).toContain('fal: /v1/models page 2: retry 2 after HTTP 429');
  });

  it('429 with Retry-After in seconds: waits as told (not the 5 ms backoff)', async () => {
    const r = await runWith([{ match: page(2), times: 1, fault: { kind: 'status', status: 429, headers: { 'retry-after': '1' } } }]);
    await expectFalCorrect(r);
    const [a, b] = falApi.requests.filter(page(2));
    expect(b!.at - a!.at).toBeGreaterThanOrEqual(950);
  });

  it('503 with Retry-After as an HTTP-date: waits until then', async () => {
    // An HTTP-date has whole seconds: 2 s ahead, cut to the second, is 1–2 s away when sent.
    let when = '';
    const headers = (): Record<string, string> => ({ 'retry-after': (when = new Date(Date.now() + 2000).toUTCString()) });
    const r = await runWith([{ match: pricing, times: 1, fault: { kind: 'status', status: 503, headers } }]);
    await expectFalCorrect(r);
    const [a, b] = falApi.requests.filter(pricing);
    expect(b!.at - a!.at).toBeGreaterThanOrEqual(900);
    expect(b!.at).toBeGreaterThanOrEqual(Date.parse(when) - 50);
  });

  it('caps a huge Retry-After (API_HUB_RETRY_AFTER_MAX_MS)', async () => {
    const r = await runWith([{ match: page(1), times: 1, fault: { kind: 'status', status: 429, headers: { 'retry-after': '3600' } } }], {
      API_HUB_RETRY_AFTER_MAX_MS: '300',
    });
    await expectFalCorrect(r);
    const [a, b] = falApi.requests.filter(page(1));
    expect(b!.at - a!.at).toBeGreaterThanOrEqual(250);
    expect(b!.at - a!.at).toBeLessThan(2000);
  });

  it('a burst of 500/503/502/504 on pages and prices', async () => {
    const r = await runWith([
      { match: page(3), times: 1, fault: { kind: 'status', status: 500, body: { error: { type: 'server_error', message: 'Internal error' } } } },
      { match: page(3), times: 1, fault: { kind: 'status', status: 503 } },
      { match: page(3), times: 1, fault: { kind: 'status', status: 502 } },
      { match: pricing, times: 2, fault: { kind: 'status', status: 504 } },
    ]);
    await expectFalCorrect(r);
    expect(falApi.requests.filter(page(3)).map((q) => q.outcome)).toEqual(['500', '503', '502', '200']);
  });

  it('a hanging response: times out and retries', async () => {
    const r = await runWith([{ match: page(2), times: 1, fault: { kind: 'hang' } }], { API_HUB_FETCH_TIMEOUT_MS: '600' });
    await expectFalCorrect(r);
    expect(falApi.requests.filter(page(2))).toHaveLength(2);
    expect(r.stderr).toContain('retry 1 after timeout after 600 ms');
  });

  it('a body that stalls half-way: the timeout covers the body too', async () => {
    const r = await runWith([{ match: page(4), times: 1, fault: { kind: 'hang-body' } }], { API_HUB_FETCH_TIMEOUT_MS: '600' });
    await expectFalCorrect(r);
    expect(falApi.requests.filter(page(4))).toHaveLength(2);
  });

  it('a truncated body (connection closed early) and a reset connection', async () => {
    const r = await runWith([
      { match: page(1), times: 1, fault: { kind: 'truncate' } },
      { match: pricing, times: 1, fault: { kind: 'reset' } },
    ]);
    await expectFalCorrect(r);
    expect(falApi.requests.filter(page(1)).map((q) => q.outcome)).toEqual(['truncate', '200']);
    expect(r.stderr).toMatch(/page 1: retry 1 after connection closed before the body was complete/);
  });

  it('pricing that answers 404 for a batch with an unpriced model: split until the unpriced ones are isolated', async () => {
    await falApi.close();
    falApi = await falServer({ models: fal.models, prices: fal.prices, key: FAKE_FAL_KEY, pageSize: 7, pricing404: true }).start();
    const r = await runCliAsync(['fetch', '--provider', 'fal'], { cwd: root, env: env() });
    await expectFalCorrect(r);
    expect(r.stderr.match(/no price for \S+ \(pricing answered 404\)/g)).toHaveLength(5);
    for (const q of falApi.hits('/v1/models/pricing')) {
      const allPriced = q.query.getAll('endpoint_id').every((id) => fal.prices.some((p) => p.endpoint_id === id));
      expect(q.outcome).toBe(allPriced ? '200' : '404');
    }
  });

  it('invalid JSON once: retried', async () => {
    const r = await runWith([{ match: page(5), times: 1, fault: { kind: 'invalid-json' } }]);
    await expectFalCorrect(r);
    expect(r.stderr).toContain('page 5: retry 1 after invalid JSON');
  });
});

describe('fetch under faults: failed → previous snapshot intact, clear error, exit 2', () => {
  it('503 on every attempt of page 3 (Comet still updates: providers are independent)', async () => {
    const before = await snapshotOnDisk();
    falApi.faults.push({ match: page(3), fault: { kind: 'status', status: 503 } });
    const r = await runCliAsync(['fetch'], { cwd: root, env: env() });
    await expectFalIntact(
      before,
      r,
      /fal: \/v1\/models page 3: HTTP 503 Service Unavailable from GET http:\/\/127\.0\.0\.1:\d+\/v1\/models\?status=active&expand=openapi-3\.0&cursor=Mw%3D%3D \(after 3 retries\)/,
    );
    expect(falApi.requests.filter(page(3))).toHaveLength(4);
    // Comet's new catalog (with /api/models) was swapped in, and the registry follows it.
    const after = await snapshotOnDisk();
    expect(after.has('providers/comet/catalog/api-models.json')).toBe(true);
    expect(after.get('data/model_registry.json')).not.toBe(before.get('data/model_registry.json'));
    expect(after.get('drift-report.md')).toContain('**Fetch failed; the previous snapshot was kept.**');
  });

  it('another 4xx (404) is not retried', async () => {
    const before = await snapshotOnDisk();
    const r = await runWith([{ match: page(2), fault: { kind: 'status', status: 404, body: { error: { type: 'not_found', message: 'No such cursor' } } } }]);
    await expectFalIntact(before, r, /page 2: HTTP 404 Not Found from GET .*: not_found: No such cursor/);
    expect(falApi.requests.filter(page(2))).toHaveLength(1);
  });

  it('a response that never comes', async () => {
    const before = await snapshotOnDisk();
    const started = Date.now();
    const r = await runWith([{ match: page(2), fault: { kind: 'hang' } }], { API_HUB_FETCH_TIMEOUT_MS: '400', API_HUB_FETCH_RETRIES: '2' });
    await expectFalIntact(before, r, /page 2: no complete response within 400 ms from GET .* \(after 2 retries\)/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a body truncated on every attempt', async () => {
    const before = await snapshotOnDisk();
    const r = await runWith([{ match: page(2), fault: { kind: 'truncate' } }]);
    await expectFalIntact(before, r, /page 2: connection closed before the body was complete.* \(after 3 retries\)/);
  });

  it('invalid JSON on every attempt', async () => {
    const before = await snapshotOnDisk();
    const r = await runWith([{ match: page(4), fault: { kind: 'invalid-json' } }]);
    await expectFalIntact(before, r, /page 4: invalid JSON \(\d+ bytes\): .* from GET .* \(after 3 retries\)/);
  });

  it('a page that is JSON but not a FAL page', async () => {
    const before = await snapshotOnDisk();
    const r = await runWith([{ match: page(2), fault: { kind: 'status', status: 200, body: { data: [] } } }]);
    await expectFalIntact(before, r, /page 2: not a FAL \/v1\/models response: expected an object with a `models` array/);
  });

  it('a cursor loop', async () => {
    await falApi.close();
    falApi = await falServer({ models: fal.models, prices: fal.prices, key: FAKE_FAL_KEY, pageSize: 7, loopAtPage: 3 }).start();
    const before = await snapshotOnDisk();
    const r = await runCliAsync(['fetch', '--provider', 'fal'], { cwd: root, env: env() });
    await expectFalIntact(before, r, /page \d: the server returned cursor "Mg==" again \(pagination loop\); stopping/);
    expect(falApi.hits('/v1/models').length).toBeLessThanOrEqual(8);
  });

  it('401: one line naming the variable, no retry', async () => {
    const before = await snapshotOnDisk();
    const r = await runCliAsync(['fetch', '--provider', 'fal'], { cwd: root, env: env({ FAL_API_KEY: 'wrong-key-123' }) });
    await expectFalIntact(
      before,
      r,
      /^api-hub: fal: FAL rejected the key in FAL_API_KEY \(HTTP 401\); set FAL_API_KEY \(or FAL_KEY\) to a valid key\. The previous fal snapshot is unchanged\.$/m,
    );
    expect(r.stderr.split('\n').filter((l) => l.startsWith('api-hub:'))).toHaveLength(1);
    expect(falApi.requests).toHaveLength(1);
  });

  it('a listing that needs a key, and a 403: one line each naming the variable, both snapshots intact', async () => {
    const before = await snapshotOnDisk();
    falApi.faults.push({
      match: page(1),
      fault: { kind: 'status', status: 401, body: { error: { type: 'authorization_error', message: 'Authentication required' } } },
    });
    cometApi.faults.push({
      match: (q) => q.path === '/v1/models',
      fault: { kind: 'status', status: 403, body: { error: { message: 'token has no access to this group' } } },
    });
    const r = await runCliAsync(['fetch'], { cwd: root, env: env({ FAL_API_KEY: undefined }) });
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('api-hub:'))).toEqual([
      'api-hub: comet: Comet refused access with the key in COMET_API_KEY (HTTP 403); set COMET_API_KEY to a key with access. The previous comet snapshot is unchanged.',
      'api-hub: fal: FAL requires a key (HTTP 401); set FAL_API_KEY (or FAL_KEY). The previous fal snapshot is unchanged.',
    ]);
    const after = await snapshotOnDisk();
    for (const f of ['providers/fal/models.json', 'providers/comet/catalog/v1-models.json', 'data/model_registry.json'])
      expect(after.get(f), f).toBe(before.get(f));
  });

  it('Comet: invalid JSON from /api/models keeps the Comet snapshot while FAL updates', async () => {
    const before = await snapshotOnDisk();
    cometApi.faults.push({ match: (q) => q.path === '/api/models', fault: { kind: 'invalid-json' } });
    const r = await runCliAsync(['fetch'], { cwd: root, env: env() });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/comet: \/api\/models: invalid JSON .* \(after 3 retries\)\. The previous comet snapshot is unchanged\./);
    const after = await snapshotOnDisk();
    expect(contentOnly(await subtree(after, 'providers/comet/'))).toEqual(contentOnly(await subtree(before, 'providers/comet/')));
    expect(contentOnly(await readTree(join(root, 'specs/providers/fal')))).toEqual(reference);
  });
});

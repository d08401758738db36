/** Ctrl-C in the middle of a fetch leaves the previous snapshot exactly as it was. */
import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import { readdir } from 'node:fs/promises';
import { tempProject } from './helpers/project.js';
import { runCli } from './helpers/cli.js';
import { cometServer, falServer, loadCometFixture, loadFalFixture, type FakeApi } from './fetch-server.js';
import { FAKE_COMET_KEY, FAKE_FAL_KEY, readTree, startCli, writeFalResponses } from './fetch-helpers.js';

const fal = loadFalFixture();
const comet = loadCometFixture();
const servers: FakeApi[] = [];
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  for (const c of cleanups.splice(0)) await c();
});

async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('api-hub fetch interrupted with SIGINT', () => {
  it('stops mid-fetch, swaps nothing in, and leaves no temp files', async () => {
    const falApi = await falServer({ models: fal.models, prices: fal.prices, key: FAKE_FAL_KEY, pageSize: 5 }).start();
    const cometApi = await cometServer({ v1: comet.v1, api: comet.api, key: FAKE_COMET_KEY }).start();
    servers.push(falApi, cometApi);
    falApi.latencyMs = 250;
    cometApi.latencyMs = 5_000;
    const { root, cleanup } = await tempProject();
    cleanups.push(cleanup);
    const files = await writeFalResponses(root, fal.models.slice(0, 12), fal.prices.slice(0, 6));
    expect(runCli(['fetch', '--provider', 'fal', '--from', ...files], { cwd: root }).status).toBe(0);
    const before = await readTree(root);

    const { child, done } = startCli(['fetch'], {
      cwd: root,
      env: { FAL_API_BASE_URL: falApi.url, COMET_API_BASE_URL: cometApi.url, FAL_API_KEY: FAKE_FAL_KEY, COMET_API_KEY: FAKE_COMET_KEY },
    });
    await until(() => falApi.hits('/v1/models').length >= 3);
    const sent = Date.now();
    child.kill('SIGINT');
    const r = await done;
    expect(Date.now() - sent).toBeLessThan(3_000);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('interrupting; the previous snapshots stay as they are');
    expect(r.stderr).toContain('fal: interrupted. The previous fal snapshot is unchanged.');
    expect(falApi.hits('/v1/models/pricing').length + falApi.hits('/v1/models').length).toBeLessThan(8);

    // Byte for byte what was there before: no snapshot, registry or drift report written.
    expect(await readTree(root)).toEqual(before);
    expect((await readdir(join(root, 'specs/providers'))).filter((e) => e.startsWith('.'))).toEqual([]);
  });
});

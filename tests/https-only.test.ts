import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { tempProject } from './helpers/project.js';
import { projectRoot, runCli } from './helpers/cli.js';
import { cliEnv } from './fetch-helpers.js';
import { connect, fixtureProject } from './mcp-helpers.js';

// Keys must never go out in clear text: every base URL a key is sent to is https, or loopback.
const FAL = 'fal-https-canary-4b1d:77aa19';
const COMET = 'comet-https-canary-90c1';
const APIDOG = 'apidog-https-canary-5e2f';

let root = '';
let cleanup: () => Promise<void> = async () => {};
beforeAll(async () => ({ root, cleanup } = await tempProject()));
afterAll(() => cleanup());

// estimate reads the repository's registry; the others run in an empty project.
const run = (args: string[], env: Record<string, string>) => runCli(args, { cwd: args[0] === 'estimate' ? projectRoot : root, env: cliEnv(env) });

describe('a key is never sent over plain http', () => {
  it.each([
    ['fetch (FAL)', ['fetch', '--provider', 'fal'], { FAL_API_KEY: FAL, FAL_API_BASE_URL: 'http://api.fal.example' }, 'FAL_API_BASE_URL'],
    ['fetch (Comet)', ['fetch', '--provider', 'comet'], { COMET_API_KEY: COMET, COMET_API_BASE_URL: 'http://api.comet.example/v1' }, 'COMET_API_BASE_URL'],
    [
      'pull (Apidog)',
      ['pull', '--output', 'x.json'],
      { APIDOG_ACCESS_TOKEN: APIDOG, APIDOG_PROJECT_ID: '1', APIDOG_API_BASE_URL: 'http://apidog.example' },
      'APIDOG_API_BASE_URL',
    ],
    [
      'estimate --live (FAL)',
      ['estimate', 'fal-ai/flux/dev', '--units', '1', '--live'],
      { FAL_API_KEY: FAL, FAL_API_BASE_URL: 'http://10.1.2.3:8080' },
      'FAL_API_BASE_URL',
    ],
  ])('%s refuses an http:// base URL, naming the variable, and sends nothing', (_name, args, env, variable) => {
    const r = run(args, env);
    expect(r.status).not.toBe(0);
    const out = r.stdout + r.stderr;
    expect(out).toContain(`${variable} is "http://`);
    expect(out).toMatch(/a key is sent only over https/);
    for (const secret of [FAL, COMET, APIDOG]) expect(out).not.toContain(secret);
  });

  it('a listing without a key may use plain http (nothing secret goes out)', () => {
    // No server listens there: the fetch fails on the connection, not on the URL check.
    const r = run(['fetch', '--provider', 'fal'], { FAL_API_BASE_URL: 'http://127.0.0.1:9', API_HUB_FETCH_RETRIES: '0' });
    expect(r.stderr).not.toMatch(/only over https/);
  });
});

describe('MCP estimate_cost --live', () => {
  it('refuses a non-https FAL_API_BASE_URL with the variable named, and calls nothing', async () => {
    let calls = 0;
    const c = await connect({
      root: fixtureProject,
      env: { FAL_KEY: FAL, FAL_API_BASE_URL: 'http://fal.example' },
      fetch: async () => (calls++, Response.json({})),
    });
    try {
      const r = await c.call('estimate_cost', { endpointId: 'fal-ai/test/flux', quantity: 1, live: true });
      expect(r.isError).toBe(true);
      expect(r.text).toMatch(/FAL_API_BASE_URL is "http:\/\/fal\.example": a key is sent only over https/);
      expect(r.text).not.toContain(FAL);
      expect(calls).toBe(0);
    } finally {
      await c.close();
    }
  });
});

import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binPath, projectRoot, runCli } from './helpers/cli.js';
import { fixtureProject } from './mcp-helpers.js';

const inFixture = { env: { API_HUB_ROOT: fixtureProject, FAL_KEY: '', FAL_API_KEY: '' } };

describe('api-hub models', () => {
  it('--json lists every FAL image-to-video model', () => {
    const r = runCli(['models', '--provider', 'fal', '--category', 'image-to-video', '--json']);
    expect(r.status).toBe(0);
    const body = JSON.parse(r.stdout) as { total: number; models: Array<{ id: string; category: string; price: string | null }> };
    expect(body.total).toBe(152);
    expect(body.models).toHaveLength(152);
    expect(body.models.every((m) => m.category === 'image-to-video' && 'price' in m)).toBe(true);
  });

  it('prints a readable table, best match first', () => {
    const r = runCli(['models', 'flux', 'dev', '--provider', 'fal', '--limit', '3']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^PROVIDER\s+ID\s+CATEGORY\s+STATUS\s+PRICE$/);
    expect(lines).toHaveLength(4);
    expect(r.stdout).toMatch(/^fal\s+fal-ai\/flux\/dev\s+text-to-image\s+active\s+/m);
    expect(r.stderr).toMatch(/\d+ models, 3 shown; \d+ with a price in the registry/);
  });

  it('shows prices from the registry', () => {
    const r = runCli(['models', '--category', 'image-to-video'], inFixture);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^fal\s+fal-ai\/test\/image-to-video\s+image-to-video\s+active\s+0\.28 USD per second$/m);
    expect(r.stdout).toMatch(/^fal\s+fal-ai\/test\/unpriced\s+image-to-video\s+active\s+-$/m);
  });

  it('no match: exit 0 and a note on stderr', () => {
    const r = runCli(['models', 'zzzzzz-no-such-model']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no model matches');
  });

  it('a bad --limit or --provider is a usage error (exit 2)', () => {
    expect(runCli(['models', '--limit', '0']).status).toBe(2);
    expect(runCli(['models', '--provider', 'openai']).status).toBe(2);
  });

  it('a missing registry is exit 2 with what to do', () => {
    const r = runCli(['models'], { env: { API_HUB_ROOT: '/nonexistent-api-hub-root' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('data/model_registry.json: file not found; run `api-hub fetch`');
  });
});

describe('api-hub estimate', () => {
  it('prices units from the registry', () => {
    const r = runCli(['estimate', 'fal-ai/test/image-to-video', '--units', '10'], inFixture);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('fal-ai/test/image-to-video: 10 second × 0.28 USD = 2.8 USD (registry price)\n');
  });

  it('--json', () => {
    const r = runCli(['estimate', 'fal-ai/test/flux', '--units', '4', '--json'], inFixture);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ estimates: [{ endpointId: 'fal-ai/test/flux', total: 0.1, currency: 'USD', source: 'registry' }] });
  });

  const failures: Array<[string, string[], RegExp]> = [
    [
      'an unknown endpoint (nearest suggested)',
      ['estimate', 'fal-ai/test/flx', '--units', '1'],
      /No model "fal-ai\/test\/flx"[\s\S]*nearest: fal-ai\/test\/flux/,
    ],
    ['no price in the registry', ['estimate', 'fal-ai/test/unpriced', '--units', '1'], /no price for this model/],
    ['neither --units nor --calls', ['estimate', 'fal-ai/test/flux'], /exactly one of --units N or --calls N/],
    ['a quantity that is not a number', ['estimate', 'fal-ai/test/flux', '--units', 'many'], /--units must be a number greater than 0/],
    ['--calls offline', ['estimate', 'fal-ai/test/flux', '--calls', '3'], /only the live API knows/],
    ['--live without a key', ['estimate', 'fal-ai/test/flux', '--units', '1', '--live'], /FAL_API_KEY \(or FAL_KEY\)/],
  ];
  it.each(failures)('%s: exit 2', (_n, args, why) => {
    const r = runCli(args, inFixture);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(why);
  });

  describe('--live against a local stand-in for FAL', () => {
    let server: Server;
    let base: string;
    const seen: Array<{ path: string; auth: string | undefined; body: unknown }> = [];
    beforeAll(async () => {
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (d: Buffer) => (body += d.toString()));
        req.on('end', () => {
          seen.push({ path: req.url ?? '', auth: req.headers.authorization, body: JSON.parse(body) });
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ estimate_type: 'historical_api_price', total_cost: 0.75, currency: 'USD' }));
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it("posts the estimate with the key and prints FAL's total", async () => {
      const out = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          [binPath, 'estimate', 'fal-ai/test/flux', '--calls', '3', '--live'],
          { cwd: projectRoot, env: { ...process.env, API_HUB_ROOT: fixtureProject, FAL_KEY: 'fal-test-secret', FAL_API_BASE_URL: base, FAL_API_KEY: '' } },
          (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
        );
      });
      expect(out.code).toBe(0);
      expect(out.stdout).toBe('fal-ai/test/flux: 3 call(s) = 0.75 USD (FAL live estimate, historical_api_price)\n');
      expect(out.stderr).toContain('only the live API knows'); // the offline part could not be estimated, and says why
      expect(out.stderr).not.toContain('fal-test-secret');
      expect(seen).toEqual([
        {
          path: '/v1/models/pricing/estimate',
          auth: 'Key fal-test-secret',
          body: { estimate_type: 'historical_api_price', endpoints: { 'fal-ai/test/flux': { call_quantity: 3 } } },
        },
      ]);
    });
  });
});

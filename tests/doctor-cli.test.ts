import { describe, it, expect, afterEach } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot, runCli } from './helpers/cli.js';
import { cliEnv } from './fetch-helpers.js';

const FAL_CANARY = 'fal-doctor-canary-81f0:3c2b';
const COMET_CANARY = 'comet-doctor-canary-77aa';

/** A fresh clone, as far as doctor looks: the committed configs and registry in a new git repository, no keys. */
function clone(): string {
  const dir = mkdtempSync(join(tmpdir(), 'api-hub-doctor-'));
  for (const f of ['.gitignore', 'mcp.json', '.cursor/mcp.json', '.vscode/mcp.json', 'data/model_registry.json', '.env.example']) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    cpSync(join(projectRoot, f), join(dir, f));
  }
  const git = (...a: string[]) => spawnSync('git', a, { cwd: dir, encoding: 'utf8', env: { ...process.env, HOME: dir, GIT_CONFIG_NOSYSTEM: '1' } });
  git('init', '-q');
  git('config', 'user.email', 'd@example.com');
  git('config', 'user.name', 'D');
  git('add', '.');
  git('commit', '-q', '--no-verify', '-m', 'init');
  return dir;
}

const doctor = (dir: string, args: string[] = [], env: Record<string, string> = {}) =>
  runCli(['doctor', ...args], { cwd: dir, env: { ...cliEnv(env), HOME: dir } });

let servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  servers = [];
});

async function provider(status: number): Promise<{ url: string; auth: string[] }> {
  const auth: string[] = [];
  const s = createServer((req, res) => {
    auth.push(String(req.headers.authorization));
    res
      .writeHead(status, { 'content-type': 'application/json' })
      .end(status === 200 ? '{"models":[],"data":[]}' : `{"error":{"message":"bad key ${FAL_CANARY}"}}`);
  });
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const a = s.address();
  return { url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`, auth };
}

describe('api-hub doctor', () => {
  it('on a fresh clone without keys: one screen, keys listed as not set with what they unlock, exit 0', () => {
    const dir = clone();
    const r = doctor(dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ok {3}node/m);
    expect(r.stdout).toMatch(/^warn key FAL +FAL_API_KEY or FAL_KEY not set/m);
    expect(r.stdout).toMatch(/^ok {3}\.env +\.env\* is ignored by git/m);
    expect(r.stdout).toMatch(/^warn hooks +pre-commit hook not installed/m);
    expect(r.stdout).toMatch(/^warn push +not ready: APIDOG_ACCESS_TOKEN and APIDOG_PROJECT_ID not set/m);
    expect(r.stdout).toMatch(/^warn usage +not ready: FAL needs FAL_ADMIN_KEY; Comet needs COMET_QUOTA_KEY or COMET_API_KEY/m);
    expect(r.stdout).toMatch(/^ok {3}mcp mcp\.json +read-only, versions pinned/m);
    expect(r.stdout).toMatch(/Nothing blocks the documented workflows/);
    expect(r.stdout.split('\n').length).toBeLessThan(30);
  });

  it('names the keys that are set, never their values', () => {
    const dir = clone();
    const r = doctor(dir, [], { FAL_KEY: FAL_CANARY, COMET_API_KEY: COMET_CANARY });
    expect(r.stdout).toMatch(/^ok {3}key FAL +FAL_KEY is set/m);
    expect(r.stdout).toMatch(/^ok {3}usage +api-hub usage ready: FAL via FAL_KEY \(only if it is an admin key\); Comet via COMET_API_KEY/m);
    expect(r.stdout + r.stderr).not.toContain(FAL_CANARY);
    expect(r.stdout + r.stderr).not.toContain(COMET_CANARY);
  });

  it.each([
    [
      'a tracked .env',
      (dir: string) => (writeFileSync(join(dir, '.env'), 'A=1\n'), spawnSync('git', ['add', '-f', '.env'], { cwd: dir })),
      /^FAIL \.env +tracked by git: \.env/m,
    ],
    ['.env not ignored', (dir: string) => writeFileSync(join(dir, '.gitignore'), 'node_modules/\n'), /^FAIL \.env +\.env files are not ignored/m],
    [
      'an MCP config with --allow-push',
      (dir: string) => writeFileSync(join(dir, 'mcp.json'), readFileSync(join(dir, 'mcp.json'), 'utf8').replace('"mcp"]', '"mcp", "--allow-push"]')),
      /^FAIL mcp mcp\.json +.*--allow-push/m,
    ],
    [
      'no registry',
      (dir: string) => spawnSync('git', ['rm', '-q', 'data/model_registry.json'], { cwd: dir }),
      /^FAIL registry +data\/model_registry\.json is missing/m,
    ],
  ])('exits 1 on %s', (_name, breakIt, why) => {
    const dir = clone();
    breakIt(dir);
    const r = doctor(dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(why);
  });

  it('--online asks FAL and Comet (local servers) whether the keys are accepted: a rejected key fails, its value never shown', async () => {
    const dir = clone();
    const fal = await provider(401);
    const comet = await provider(200);
    // runCli would block this process (and so the servers): spawn asynchronously.
    const child = spawn(process.execPath, [join(projectRoot, 'bin', 'api-hub.js'), 'doctor', '--online'], {
      cwd: dir,
      env: { ...cliEnv({ FAL_KEY: FAL_CANARY, COMET_API_KEY: COMET_CANARY, FAL_API_BASE_URL: fal.url, COMET_API_BASE_URL: comet.url }), HOME: dir },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const status = await new Promise<number | null>((res) => child.on('close', res));
    expect(status).toBe(1);
    expect(out).toMatch(/^FAIL online FAL +FAL_KEY rejected \(HTTP 401\)/m);
    expect(out).toMatch(/^ok {3}online Comet +COMET_API_KEY accepted/m);
    expect(fal.auth.at(-1)).toBe(`Key ${FAL_CANARY}`);
    expect(comet.auth.at(-1)).toBe(`Bearer ${COMET_CANARY}`);
    expect(out).not.toContain(FAL_CANARY);
    expect(out).not.toContain(COMET_CANARY);
  });
});

import { randomBytes, randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { binPath, runCli } from './helpers/cli.js';
import { connect, fixtureProject } from './mcp-helpers.js';

// Canaries made at run time: a FAL-shaped key in the server's environment and .env, and one typed into a tool argument.
const ENV_CANARY = `${randomUUID()}:${randomBytes(16).toString('hex')}`;
const ARG_CANARY = `${randomUUID()}:${randomBytes(16).toString('hex')}`;
const DOTENV_CANARY = `dotenv-${randomBytes(12).toString('hex')}`;

function env(extra: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && k !== 'API_HUB_ROOT' && !k.startsWith('FAL_') && !k.startsWith('APIDOG_')) out[k] = v;
  return { ...out, ...extra };
}

/** A copy of the MCP fixture project with a .env holding a key. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'api-hub-audit-'));
  cpSync(fixtureProject, dir, { recursive: true });
  writeFileSync(join(dir, '.env'), `FAL_KEY=${DOTENV_CANARY}\nSECRET_NAME_ONLY_IN_DOTENV=1\n`);
  return dir;
}

async function session(
  args: string[],
  cwd: string,
  calls: (call: (name: string, a: Record<string, unknown>) => Promise<{ text: string; isError: boolean }>) => Promise<void>,
): Promise<void> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [binPath, 'mcp', ...args],
    cwd,
    env: env({ FAL_API_KEY: ENV_CANARY }),
    stderr: 'pipe',
  });
  const client = new Client({ name: 'audit-test', version: '1.0.0' });
  await client.connect(transport);
  try {
    await calls(async (name, a) => {
      const r = await client.callTool({ name, arguments: a });
      return { text: (r.content as Array<{ text?: string }>).map((x) => x.text ?? '').join('\n'), isError: r.isError === true };
    });
  } finally {
    await client.close();
  }
}

const noCanary = (text: string): void => {
  for (const c of [ENV_CANARY, ARG_CANARY, DOTENV_CANARY]) {
    expect(text).not.toContain(c);
    expect(text).not.toContain(c.slice(6, 22));
  }
};

describe('MCP audit log (real SDK client over stdio)', () => {
  let root = '';
  const answers: string[] = [];
  beforeAll(async () => {
    root = project();
    await session(['--root', root], root, async (call) => {
      answers.push((await call('search_models', { query: 'flux' })).text);
      answers.push((await call('search_models', { query: `flux ${ARG_CANARY}` })).text);
      const dot = await call('validate_spec', { path: '.env' });
      expect(dot.isError).toBe(true);
      expect(dot.text).toMatch(/"\.env" is a \.env file: this server never reads dotfiles or \.env\* files/);
      expect(dot.text).not.toContain('SECRET_NAME_ONLY_IN_DOTENV');
      answers.push(dot.text);
      answers.push((await call('validate_spec', { path: 'README.md' })).text);
      answers.push((await call('get_model', { id: 'fal-ai/test/flux' })).text);
    });
  });
  afterAll(() => undefined);

  it('is on by default at <root>/.api-hub/mcp-audit.jsonl: one JSON line per call with time, tool, args, outcome, duration and result size', () => {
    const path = join(root, '.api-hub', 'mcp-audit.jsonl');
    const lines = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.tool, l.outcome])).toEqual([
      ['search_models', 'ok'],
      ['search_models', 'ok'],
      ['validate_spec', 'error'],
      ['validate_spec', 'error'],
      ['get_model', 'ok'],
    ]);
    for (const l of lines) {
      expect(Date.parse(String(l.time))).not.toBeNaN();
      expect(typeof l.durationMs).toBe('number');
      expect(l.resultChars).toBeGreaterThan(0);
    }
    expect(lines[0]?.args).toEqual({ query: 'flux' });
    expect(String((lines[1]?.args as { query: string } | undefined)?.query)).toMatch(/^flux [0-9a-f]{4}…\(\d+\)$/);
    expect(lines[2]?.error).toMatch(/is a \.env file/);
  });

  it('holds no secret: not the key of the environment, not the one in .env, not one typed into an argument', () => {
    noCanary(readFileSync(join(root, '.api-hub', 'mcp-audit.jsonl'), 'utf8'));
    noCanary(answers.join('\n'));
  });

  it('api-hub mcp audit: calls per tool, errors and the last N calls (text and JSON)', () => {
    const text = runCli(['mcp', 'audit', '--root', root, '--last', '2'], { env: env() });
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^5 call\(s\), 2 error\(s\) from /);
    expect(text.stdout).toMatch(/search_models\s+2\s+0/);
    expect(text.stdout).toMatch(/validate_spec\s+2\s+2/);
    expect(text.stdout).toMatch(/last 2 call\(s\):\n.*validate_spec {2}error.*\n.*get_model {2}ok/);
    noCanary(text.stdout + text.stderr);
    const json = JSON.parse(runCli(['mcp', 'audit', '--root', root, '--json'], { env: env() }).stdout) as {
      calls: number;
      errors: number;
      tools: Array<{ tool: string; calls: number }>;
    };
    expect(json).toMatchObject({ calls: 5, errors: 2 });
    expect(json.tools.map((t) => t.tool)).toEqual(['search_models', 'validate_spec', 'get_model']);
  });

  it('--audit-log PATH writes there; --audit-log off writes nothing', async () => {
    const other = project();
    const log = join(other, 'logs', 'audit.jsonl');
    await session(['--root', other, '--audit-log', log], other, async (call) => void (await call('search_models', { query: 'x' })));
    expect(readFileSync(log, 'utf8').trim().split('\n')).toHaveLength(1);
    const off = project();
    await session(['--root', off, '--audit-log', 'off'], off, async (call) => void (await call('search_models', { query: 'x' })));
    expect(existsSync(join(off, '.api-hub'))).toBe(false);
    expect(runCli(['mcp', 'audit', '--root', off], { env: env() }).status).toBe(2);
  });
});

describe('MCP audit log rotation', () => {
  it('rotates past the size limit and keeps at most three files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'api-hub-audit-rot-'));
    const c = await connect({ root: fixtureProject, auditLog: join(dir, 'a.jsonl'), auditMaxBytes: 2000 });
    try {
      for (let i = 0; i < 60; i++) await c.call('search_models', { query: `flux ${i} ${'x'.repeat(100)}` });
    } finally {
      await c.close();
    }
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['a.jsonl', 'a.jsonl.1', 'a.jsonl.2']);
    for (const f of files) expect(statSync(join(dir, f)).size).toBeLessThanOrEqual(2000);
    const newest = readFileSync(join(dir, 'a.jsonl'), 'utf8').trim().split('\n');
    expect(JSON.parse(newest[newest.length - 1]!).args.query).toMatch(/^flux 59 /);
  });
});

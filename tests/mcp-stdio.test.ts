import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { binPath, projectRoot, runCli } from './helpers/cli.js';
import type { Connected, ToolAnswer } from './mcp-helpers.js';
import { allPages } from './mcp-helpers.js';
import { TOKEN, pushProject, removePushProjects, startApidog, validSpec } from './push-helpers.js';

interface Spawned extends Connected {
  stderr: () => string;
  errors: Error[];
  startupMs: number;
}

function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'API_HUB_ROOT' && !k.startsWith('FAL_')) env[k] = v;
  return { ...env, ...extra };
}

/** `node bin/api-hub.js mcp …` as an MCP client spawns it, over stdio. */
async function spawnServer(args: string[] = [], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<Spawned> {
  const started = performance.now();
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [binPath, 'mcp', ...args],
    cwd: options.cwd ?? projectRoot,
    env: options.env ?? cleanEnv(),
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const errors: Error[] = [];
  const client = new Client({ name: 'api-hub-stdio-test', version: '1.0.0' });
  client.onerror = (e) => errors.push(e);
  await client.connect(transport);
  const startupMs = performance.now() - started;
  const call = async (name: string, a: Record<string, unknown> = {}): Promise<ToolAnswer> => {
    const r = await client.callTool({ name, arguments: a });
    const text = (r.content as Array<{ text?: string }>).map((x) => x.text ?? '').join('\n');
    return { text, isError: r.isError === true, json: <T>() => JSON.parse(text) as T };
  };
  return { client, call, logs: [], close: () => client.close(), stderr: () => stderr, errors, startupMs };
}

const registry = JSON.parse(readFileSync(join(projectRoot, 'data/model_registry.json'), 'utf8')) as {
  models: Array<{ provider: string; id: string; category: string | null; pricing: unknown }>;
};

describe('api-hub mcp over stdio (spawned like an MCP client does)', () => {
  let s: Spawned;
  beforeAll(async () => {
    s = await spawnServer();
  });
  afterAll(() => s.close());

  it('done when: lists the tools and finds every FAL image-to-video model of the snapshot, with prices where known', async () => {
    const { tools } = await s.client.listTools();
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['search_models', 'get_model', 'estimate_cost']));
    expect(tools.map((t) => t.name)).not.toContain('push_to_apidog');
    const want = registry.models.filter((m) => m.provider === 'fal' && m.category === 'image-to-video');
    expect(want).toHaveLength(152);
    const { items } = await allPages<{ id: string; price: string | null; pricing: unknown }>(
      s,
      'search_models',
      { provider: 'fal', category: 'image-to-video', limit: 500 },
      'models',
    );
    expect(items.map((m) => m.id).sort()).toEqual(want.map((m) => m.id).sort());
    const priced = new Map(want.map((m) => [m.id, m.pricing !== null]));
    for (const m of items) expect(m.price !== null, m.id).toBe(priced.get(m.id));
  });

  it('answers get_model and estimate_cost', async () => {
    const card = (await s.call('get_model', { id: 'fal-ai/flux/dev' })).json<{ input: { properties: Record<string, unknown> } }>();
    expect(card.input.properties).toHaveProperty('prompt');
    const unknown = await s.call('estimate_cost', { endpointId: 'fal-ai/flux/dvv', quantity: 1 });
    expect(unknown.isError).toBe(true);
    expect(unknown.text).toContain('fal-ai/flux/dev');
  });

  it('keeps stdout for the protocol: logs go to stderr, and the client saw no stray output', async () => {
    await s.call('search_models', { query: 'kling' });
    expect(s.errors).toEqual([]);
    expect(s.stderr()).toMatch(/\[api-hub mcp\] ready on stdio in \d+ ms \(root .*, read-only\)/);
    expect(s.stderr()).toContain('[api-hub mcp] client api-hub-stdio-test 1.0.0 connected');
    await expect.poll(() => s.stderr(), { timeout: 20_000 }).toMatch(/loaded \d+ models and 2402 operations/);
  });

  it('starts quickly: the handshake does not wait for the 5 MB spec', () => {
    expect(s.startupMs).toBeLessThan(5_000);
  });
});

describe('api-hub mcp options', () => {
  it('--allow-push offers push_to_apidog, annotated destructive', async () => {
    const s = await spawnServer(['--allow-push']);
    try {
      const { tools } = await s.client.listTools();
      expect(tools.find((t) => t.name === 'push_to_apidog')?.annotations).toMatchObject({ destructiveHint: true, readOnlyHint: false });
      expect(s.stderr()).toContain('push enabled');
    } finally {
      await s.close();
    }
  });

  it('--allow-push: push_to_apidog imports the spec into Apidog through the built push library', async () => {
    const apidog = await startApidog();
    const root = await pushProject();
    const s = await spawnServer(['--allow-push', '--root', root], {
      env: cleanEnv({ APIDOG_ACCESS_TOKEN: TOKEN, APIDOG_PROJECT_ID: '1001', APIDOG_API_BASE_URL: apidog.baseUrl }),
    });
    try {
      const r = await s.call('push_to_apidog', {});
      expect(r.isError, r.text).toBe(false);
      expect(r.json()).toMatchObject({
        pushed: true,
        file: 'specs/openapi.yaml',
        result: { status: 'pushed', projectId: '1001', counters: expect.arrayContaining([expect.objectContaining({ subject: 'endpoint', created: 14 })]) },
      });
      expect(apidog.imports()).toHaveLength(1);
      expect(JSON.parse(apidog.imports()[0]?.body ?? '{}')).toMatchObject({ input: await readFile(validSpec, 'utf8') });
      expect(s.stderr()).not.toContain(TOKEN);
    } finally {
      await s.close();
      await apidog.close();
      await removePushProjects();
    }
  });

  it('--budget sets the result budget', async () => {
    const s = await spawnServer(['--budget', '1500']);
    try {
      const r = await s.call('search_models', { provider: 'fal' });
      expect(r.text.length).toBeLessThanOrEqual(1500);
    } finally {
      await s.close();
    }
  });

  it("started from another directory (as Claude Desktop does), it serves the package's own data", async () => {
    const s = await spawnServer([], { cwd: tmpdir() });
    try {
      const body = (await s.call('search_models', { query: 'fal-ai/flux/dev', limit: 1 })).json<{ models: Array<{ id: string }> }>();
      expect(body.models[0]?.id).toBe('fal-ai/flux/dev');
      expect(s.stderr()).toContain(`root ${projectRoot}`);
    } finally {
      await s.close();
    }
  });

  it('exits 0 when the client closes stdin, with nothing on stdout', () => {
    const r = runCli(['mcp'], { input: '' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('a bad --budget is a usage error (exit 2)', () => {
    const r = runCli(['mcp', '--budget', '5'], { input: '' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--budget must be a whole number of characters, at least 1000');
  });
});

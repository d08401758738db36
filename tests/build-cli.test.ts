import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFile, writeFile, readdir, cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse } from 'yaml';
import SwaggerParser from '@apidevtools/swagger-parser';
import { runCli, projectRoot } from './helpers/cli.js';
import { tempProject, falPages, cometModels } from './helpers/project.js';
import { resolvePointer } from '../src/core/pointer.js';

let root = '';
let cleanup: () => Promise<void> = async () => {};

beforeAll(async () => {
  ({ root, cleanup } = await tempProject());
  expect(runCli(['fetch', '--provider', 'fal', '--from', ...falPages], { cwd: root }).status).toBe(0);
  expect(runCli(['fetch', '--provider', 'comet', '--from', cometModels], { cwd: root }).status).toBe(0);
});
afterAll(() => cleanup());

describe('api-hub fetch --from', () => {
  it('imports every model of the pages, one document per endpoint, failures kept as unavailable', async () => {
    const listing = JSON.parse(await readFile(join(root, 'specs/providers/fal/models.json'), 'utf8'));
    expect(listing.models).toHaveLength(12);
    expect(listing.models.find((m: { endpoint_id: string }) => m.endpoint_id === 'fal-ai/hyper-sdxl').openapi.status).toBe('unavailable');
    expect(await readdir(join(root, 'specs/providers/fal/openapi'))).toHaveLength(11);
    const registry = JSON.parse(await readFile(join(root, 'data/model_registry.json'), 'utf8'));
    expect(registry.counts).toEqual({ total: 37, fal: 12, comet: 25, withDocument: 36 });
  });

  it('refuses a broken page with the file and position, exit 2, and leaves the snapshot as it was', async () => {
    const before = await readFile(join(root, 'specs/providers/fal/models.json'), 'utf8');
    const bad = join(root, 'broken.json');
    await writeFile(bad, '{"models": [ {"endpoint_id": "x"} \n');
    const r = runCli(['fetch', '--provider', 'fal', '--from', falPages[0]!, bad], { cwd: root });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('broken.json');
    expect(r.stderr).toMatch(/invalid JSON/);
    expect(await readFile(join(root, 'specs/providers/fal/models.json'), 'utf8')).toBe(before);
  });

  it('says so when the previous snapshot cannot be read (treated as absent), for FAL and Comet', async () => {
    const t = await tempProject();
    try {
      await mkdir(join(t.root, 'specs/providers/fal'), { recursive: true });
      await writeFile(join(t.root, 'specs/providers/fal/models.json'), '{not json');
      const f = runCli(['fetch', '--provider', 'fal', '--from', falPages[0]!], { cwd: t.root });
      expect(f.status).toBe(0);
      expect(f.stderr).toMatch(
        /warning: specs\/providers\/fal\/models\.json: the previous snapshot file is not valid JSON .*treated as absent \[snapshot-unreadable\]/,
      );
      await mkdir(join(t.root, 'specs/providers/comet/catalog'), { recursive: true });
      await writeFile(join(t.root, 'specs/providers/comet/catalog/v1-models.json'), '[');
      const c = runCli(['fetch', '--provider', 'comet', '--from', cometModels], { cwd: t.root });
      expect(c.status).toBe(0);
      expect(c.stderr).toMatch(
        /warning: specs\/providers\/comet\/catalog\/v1-models\.json: the previous snapshot file is not valid JSON .*\[snapshot-unreadable\]/,
      );
    } finally {
      await t.cleanup();
    }
  });

  it('needs exactly one provider with --from', () => {
    const r = runCli(['fetch', '--from', falPages[0]!], { cwd: root });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--provider');
  });
});

describe('api-hub build', () => {
  it('builds one OAS 3.1 document with every model that has a document, and reports the quirks', async () => {
    const r = runCli(['build'], { cwd: root });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/built 90 paths, 90 operations/);
    const doc = parse(await readFile(join(root, 'specs/openapi.yaml'), 'utf8'));
    expect(doc.openapi).toBe('3.1.0');
    const submit = resolvePointer(doc, '/paths/~1fal-ai~1flux~1dev/post') as Record<string, unknown>;
    expect(submit.operationId).toBe('falAiFluxDevSubmit');
    expect(submit['x-apidog-folder']).toBe('FAL/text-to-image/FLUX.1 [dev]');
    expect(submit['x-hub-source']).toMatchObject({
      provider: 'fal',
      endpointId: 'fal-ai/flux/dev',
      role: 'submit',
      file: 'specs/providers/fal/openapi/fal-ai__flux__dev.json',
    });
    expect(submit.security).toEqual([{ falKey: [] }]);
    expect(resolvePointer(doc, '/paths/~1fal-ai~1flux~1dev/servers/0/url')).toBe('https://queue.fal.run');
    expect(resolvePointer(doc, '/paths/~1v1~1chat~1completions/servers/0/url')).toBe('https://api.cometapi.com');
    expect(resolvePointer(doc, '/paths/~1v1~1chat~1completions/post/x-hub-source/provider')).toBe('comet');
    // Every operation is traceable and named.
    for (const item of Object.values(doc.paths as Record<string, Record<string, Record<string, unknown>>>)) {
      for (const [k, op] of Object.entries(item)) {
        if (k === 'servers' || k === 'parameters') continue;
        expect(op.operationId).toBeTypeOf('string');
        expect(op.summary).toBeTypeOf('string');
        expect(op['x-hub-source']).toBeDefined();
      }
    }
    // Comet's OpenAI-compatible routes come from OpenAI's document (api-hub.config.yaml), with Comet's auth and an open model id.
    const chat = resolvePointer(doc, '/paths/~1v1~1chat~1completions/post') as Record<string, unknown>;
    expect(chat).toMatchObject({
      operationId: 'cometCreateChatCompletion',
      security: [{ cometBearer: [] }],
      'x-hub-source': { provider: 'comet', file: 'specs/providers/openai/openapi.json', path: '/chat/completions' },
    });
    expect(resolvePointer(doc, '/components/schemas/ModelIdsShared')).toMatchObject({ type: 'string', examples: expect.arrayContaining(['gpt-4o-mini']) });
    expect(resolvePointer(doc, '/components/schemas/ModelIdsShared/enum')).toBeUndefined();
    expect(resolvePointer(doc, '/components/schemas/ChatCompletionRequestMessage/discriminator/mapping/system')).toBe(
      '#/components/schemas/ChatCompletionRequestSystemMessage',
    );

    const report = JSON.parse(await readFile(join(root, 'specs/build-report.json'), 'utf8'));
    const rules = new Set(report.findings.map((f: { ruleId: string }) => f.ruleId));
    for (const quirk of ['claims-3.0-uses-3.1', 'dangling-ref', 'tuple-items', 'non-standard-keyword']) expect(rules).toContain(quirk);
    expect(report.excluded.filter((e: { provider: string }) => e.provider === 'fal')).toEqual([
      { provider: 'fal', id: 'fal-ai/hyper-sdxl', reason: 'no OpenAPI document: expansion_failed: Failed to fetch OpenAPI schema' },
    ]);
    // What Comet's docs mark removed or unavailable is listed, from the curated document's x-hub-excluded.
    expect(report.excluded.filter((e: { provider: string }) => e.provider === 'comet').map((e: { id: string }) => e.id)).toEqual([
      'flux-generate',
      'ideogram',
      'recraft',
      'udio',
    ]);
    expect(report.shared).toContainEqual({ section: 'schemas', name: 'QueueStatus', sources: 11 });
    const dangling = report.findings.find((f: { ruleId: string; sourceId: string }) => f.ruleId === 'dangling-ref' && f.sourceId === 'fal-ai/wan-ati');
    expect(dangling).toMatchObject({ file: 'specs/providers/fal/openapi/fal-ai__wan-ati.json', pointer: '/components/schemas/TrackPoint' });
  });

  it('is byte-identical when run twice, and --check tells current from stale', async () => {
    runCli(['build'], { cwd: root });
    const first = await readFile(join(root, 'specs/openapi.yaml'));
    const firstReport = await readFile(join(root, 'specs/build-report.json'));
    expect(runCli(['build', '-q'], { cwd: root }).status).toBe(0);
    expect((await readFile(join(root, 'specs/openapi.yaml'))).equals(first)).toBe(true);
    expect((await readFile(join(root, 'specs/build-report.json'))).equals(firstReport)).toBe(true);
    expect(runCli(['build', '--check'], { cwd: root }).status).toBe(0);
    await writeFile(join(root, 'specs/openapi.yaml'), first.toString().replace('3.1.0', '3.1.1'));
    const stale = runCli(['build', '--check'], { cwd: root });
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('specs/openapi.yaml');
    expect((await readFile(join(root, 'specs/openapi.yaml'), 'utf8')).includes('3.1.1')).toBe(true); // --check writes nothing
    runCli(['build', '-q'], { cwd: root });
  });

  it('is accepted by swagger-parser and by redocly lint (recommended) with zero errors', async () => {
    const file = join(root, 'specs/openapi.yaml');
    await expect(SwaggerParser.validate(file)).resolves.toBeDefined();
    const lint = spawnSync(
      process.execPath,
      [join(projectRoot, 'node_modules/@redocly/cli/bin/cli.js'), 'lint', file, '--extends', 'recommended', '--format', 'json'],
      {
        encoding: 'utf8',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const result = JSON.parse(lint.stdout) as { totals: { errors: number }; problems: Array<{ ruleId: string; severity: string; message: string }> };
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.totals.errors).toBe(0);
  });

  it('refuses a snapshot document edited by hand (hash mismatch), exit 2, writing nothing', async () => {
    const doc = join(root, 'specs/providers/fal/openapi/fal-ai__flux__dev.json');
    const original = await readFile(doc, 'utf8');
    const out = await readFile(join(root, 'specs/openapi.yaml'));
    await writeFile(doc, original.replace('"1.0.0"', '"1.0.1"'));
    const r = runCli(['build'], { cwd: root });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('specs/providers/fal/openapi/fal-ai__flux__dev.json');
    expect((await readFile(join(root, 'specs/openapi.yaml'))).equals(out)).toBe(true);
    await writeFile(doc, original);
  });

  it('switches a pass off with --disable-pass, and says so in the report', async () => {
    const r = runCli(['build', '--disable-pass', 'non-standard-keywords', '--check'], { cwd: root });
    expect(r.status).toBe(1); // the output would differ: the keywords stay
    const out = await tempCopy(root);
    expect(runCli(['build', '-q', '--disable-pass', 'non-standard-keywords'], { cwd: out.root }).status).toBe(0);
    const report = JSON.parse(await readFile(join(out.root, 'specs/build-report.json'), 'utf8')) as {
      passes: Array<{ name: string }>;
      findings: Array<{ ruleId: string }>;
    };
    await out.cleanup();
    expect(report.passes.map((p) => p.name)).not.toContain('non-standard-keywords');
    expect(report.findings.map((f) => f.ruleId)).not.toContain('non-standard-keyword');
  });

  it('refuses an invalid api-hub.config.yaml with the file, line and pointer, exit 2', async () => {
    const out = await tempCopy(root);
    await writeFile(join(out.root, 'api-hub.config.yaml'), 'push:\n  projectId: 1\nproviders:\n  - name: fal\n    source: x.yaml\n');
    const r = runCli(['build'], { cwd: out.root });
    await out.cleanup();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('api-hub.config.yaml:4:');
    expect(r.stderr).toContain('/providers/0/name');
    expect(r.stderr).toContain('built-in');
  });

  it('refuses an overlay that is not Overlay 1.0, exit 2, writing nothing', async () => {
    const out = await tempCopy(root);
    const before = await readFile(join(out.root, 'specs/openapi.yaml'));
    await mkdir(join(out.root, 'specs/overlays'), { recursive: true });
    await writeFile(join(out.root, 'specs/overlays/fix.yaml'), 'overlay: 1.0.0\ninfo: { title: x, version: "1" }\nactions: []\n');
    const r = runCli(['build'], { cwd: out.root });
    const after = await readFile(join(out.root, 'specs/openapi.yaml'));
    await out.cleanup();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('specs/overlays/fix.yaml');
    expect(after.equals(before)).toBe(true);
  });

  it('traces a pointer of the unified document back to its provider document', () => {
    const r = runCli(['trace', '/paths/~1fal-ai~1flux~1dev/post/requestBody', '/components/schemas/QueueStatus', '/info'], { cwd: root });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/from fal fal-ai\/flux\/dev \(specs\/providers\/fal\/openapi\/fal-ai__flux__dev\.json:\d+:\d+\)/);
    expect(r.stdout).toContain('shared: structurally identical in 11 provider documents');
    expect(r.stdout).toContain('/info: written by the hub itself');
    expect(runCli(['trace', '/components/schemas/Nope'], { cwd: root }).status).toBe(1);
  });

  it('says what to do when there is nothing to build', async () => {
    const empty = await tempProject({ withCometSpec: false });
    const r = runCli(['build'], { cwd: empty.root });
    await empty.cleanup();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('api-hub fetch');
  });
});

/** A copy of a built project, to change without disturbing the others' tests. */
async function tempCopy(from: string): Promise<{ root: string; cleanup: () => Promise<void> }> {
  const t = await tempProject({ withCometSpec: false });
  await cp(join(from, 'specs'), join(t.root, 'specs'), { recursive: true });
  await cp(join(from, 'data'), join(t.root, 'data'), { recursive: true });
  return t;
}

describe('the committed snapshot', () => {
  it('is current: building the repository changes nothing', () => {
    const r = runCli(['build', '--check'], { cwd: projectRoot });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

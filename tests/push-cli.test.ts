import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseText } from '../src/core/parse.js';
import { REDACTED } from '../src/push/index.js';
import { TOKEN, VERSION, hub, hubProcess, invalidSpec, outputs, pushProject, removePushProjects, startApidog, validSpec, warningSpec } from './push-helpers.js';
import type { FakeApidog } from './push-helpers.js';
import { startServer } from './sdk-helpers.js';

let apidog: FakeApidog;
let env: Record<string, string>;

beforeAll(async () => {
  apidog = await startApidog();
});
afterAll(async () => {
  await apidog.close();
  await removePushProjects();
});
beforeEach(() => {
  apidog.seen.length = 0;
  apidog.failNext = { status: 503, count: 0 };
  apidog.acceptVersion = VERSION;
  apidog.wrapExport = false;
  for (const p of apidog.projects.values()) {
    p.endpoints.clear();
    p.schemas.clear();
    p.folders.clear();
    delete p.document;
  }
  env = { APIDOG_ACCESS_TOKEN: TOKEN, APIDOG_PROJECT_ID: '1001', APIDOG_API_BASE_URL: apidog.baseUrl, API_HUB_RETRY_BASE_MS: '5' };
});

const fixtureText = () => readFile(validSpec, 'utf8');
/** Operations and schemas in the fixture: 8 FAL + 6 Comet operations. */
const ENDPOINTS = 14;

describe('api-hub push', () => {
  it('validates, then POSTs exactly the validated text with the token, the version header and the default options', async () => {
    const root = await pushProject();
    const r = await hub(['push'], root, env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);

    const [req, ...more] = apidog.seen;
    expect(more).toEqual([]);
    expect(req?.method).toBe('POST');
    expect(req?.url).toBe('/v1/projects/1001/import-openapi?locale=en-US');
    expect(req?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req?.headers['x-apidog-api-version']).toBe('2024-03-28');
    expect(req?.headers['content-type']).toBe('application/json');
    const body = JSON.parse(req?.body ?? '') as { input: string; options: Record<string, unknown> };
    expect(Object.keys(body)).toEqual(['input', 'options']);
    // Byte for byte the file that was validated: a string, not a re-serialized object.
    expect(body.input).toBe(await fixtureText());
    expect(body.options).toEqual({ endpointOverwriteBehavior: 'OVERWRITE_EXISTING', schemaOverwriteBehavior: 'OVERWRITE_EXISTING' });
    expect('deleteUnmatchedResources' in body.options).toBe(false);

    expect(r.stdout).toContain('validated specs/openapi.yaml: 0 errors');
    expect(r.stdout).toMatch(/Imported specs\/openapi\.yaml \([\d.]+ KiB, 14 endpoints, \d+ schemas\) into Apidog project 1001 in \d+ ms:/);
    expect(r.stdout).toMatch(/^\s+created\s+updated\s+failed\s+ignored$/m);
    expect(r.stdout).toMatch(/^\s+endpoints\s+14\s+0\s+0\s+0$/m);
    expect(r.stdout).toMatch(/^\s+endpoint folders\s+\d+\s+0\s+0\s+0$/m);
    expect(r.stdout).toMatch(/^\s+schema folders\s+0\s+0\s+0\s+0$/m);
  });

  it('re-pushing updates in place: nothing is created twice', async () => {
    const root = await pushProject();
    expect((await hub(['push'], root, env)).code).toBe(0);
    const again = await hub(['push'], root, env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^\s+endpoints\s+0\s+14\s+0\s+0$/m);
    expect(again.stdout).toMatch(/^\s+schemas\s+0\s+\d+\s+0\s+0$/m);
    expect([...(apidog.projects.get('1001')?.endpoints.values() ?? [])].every((n) => n === 1)).toBe(true);
    expect(apidog.projects.get('1001')?.endpoints.size).toBe(ENDPOINTS);
  });

  it('takes its options from the push: section of api-hub.config.yaml, next to other sections', async () => {
    const config = [
      '# other stages own these sections; push must not mind them',
      'build:',
      '  overlays: specs/overlays',
      'providers:',
      '  fal: { enabled: true }',
      'push:',
      '  schemaOverwriteBehavior: AUTO_MERGE',
      '  deleteUnmatchedResources: true',
      '  targetEndpointFolderId: 12',
      '  updateFolderOfChangedEndpoint: true',
      '  locale: zh-CN',
      '',
    ].join('\n');
    const root = await pushProject({ config });
    const r = await hub(['push', '--json'], root, env);
    expect(r.code).toBe(0);
    expect(apidog.seen[0]?.url).toBe('/v1/projects/1001/import-openapi?locale=zh-CN');
    expect((JSON.parse(apidog.seen[0]?.body ?? '') as { options: unknown }).options).toEqual({
      endpointOverwriteBehavior: 'OVERWRITE_EXISTING',
      schemaOverwriteBehavior: 'AUTO_MERGE',
      deleteUnmatchedResources: true,
      targetEndpointFolderId: 12,
      updateFolderOfChangedEndpoint: true,
    });
    const out = JSON.parse(r.stdout) as { status: string; counters: Array<{ subject: string; created: number }> };
    expect(out.status).toBe('pushed');
    expect(out.counters.find((c) => c.subject === 'endpoint')?.created).toBe(ENDPOINTS);
  });

  it('a config with a wrong value or an unknown push key is refused before anything is sent (exit 2)', async () => {
    const root = await pushProject({ config: 'push:\n  endpointOverwriteBehavior: REPLACE\n  deleteUnmatched: true\n' });
    const r = await hub(['push'], root, env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('api-hub.config.yaml is not valid; nothing was pushed');
    expect(r.stderr).toContain(
      '(/push/endpointOverwriteBehavior) `push.endpointOverwriteBehavior` must be one of OVERWRITE_EXISTING, AUTO_MERGE, KEEP_EXISTING, CREATE_NEW, not "REPLACE"',
    );
    expect(r.stderr).toContain('(/push/deleteUnmatched) unknown key `push.deleteUnmatched`');
    expect(apidog.seen).toHaveLength(0);
  });

  it('--dry-run sends nothing (the server sees zero requests) and shows size, options and endpoints per folder', async () => {
    const root = await pushProject();
    const r = await hub(['push', '--dry-run'], root, env);
    expect(r.code).toBe(0);
    expect(apidog.seen).toHaveLength(0);
    const bytes = Buffer.byteLength(await fixtureText());
    expect(r.stdout).toContain('Dry run: nothing was sent to Apidog.');
    expect(r.stdout).toContain(`would POST   ${apidog.baseUrl}/v1/projects/1001/import-openapi?locale=en-US`);
    expect(r.stdout).toContain(`(${bytes.toLocaleString('en-US')} bytes)`);
    expect(r.stdout).toContain('options      {"endpointOverwriteBehavior":"OVERWRITE_EXISTING","schemaOverwriteBehavior":"OVERWRITE_EXISTING"}');
    expect(r.stdout).toMatch(/contents {5}14 endpoints in \d+ folders/);
    expect(r.stdout).toMatch(/^ {2}FAL\/text-to-image\s+4$/m);
    expect(r.stdout).toMatch(/^ {2}Comet\/midjourney\s+3$/m);

    const json = await hub(['push', '--dry-run', '--json'], root, env);
    const plan = JSON.parse(json.stdout) as { status: string; bytes: number; folders: Record<string, number> };
    expect(plan.status).toBe('dry-run');
    expect(plan.bytes).toBe(bytes);
    expect(plan.folders['FAL/text-to-image/fal-ai/flux/dev']).toBe(4);
    expect(plan.folders['Comet/text/chat-completions']).toBe(1);
    expect(apidog.seen).toHaveLength(0);
  });

  it('--dry-run works without a token, and says one is needed', async () => {
    const root = await pushProject();
    const r = await hub(['push', '--dry-run'], root, { APIDOG_API_BASE_URL: apidog.baseUrl });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('APIDOG_ACCESS_TOKEN is NOT set (needed for a real push); APIDOG_PROJECT_ID is NOT set');
    expect(r.stdout).toContain('/v1/projects/{APIDOG_PROJECT_ID}/import-openapi');
    expect(apidog.seen).toHaveLength(0);
  });

  it('refuses to push a document with validation errors (exit 1), sending nothing', async () => {
    const root = await pushProject({ spec: invalidSpec });
    const r = await hub(['push'], root, env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('an Info Object is missing the required property `version`');
    expect(r.stderr).toContain('no-unresolved-refs');
    expect(r.stderr).toContain('refusing to push specs/openapi.yaml: it has 2 validation errors. Nothing was sent.');
    expect(apidog.seen).toHaveLength(0);
  });

  it("validates with the project's redocly.yaml, as `api-hub validate` does", async () => {
    const root = await pushProject({ spec: warningSpec });
    expect((await hub(['push', '--dry-run'], root, env)).code).toBe(0);
    await writeFile(join(root, 'redocly.yaml'), 'rules:\n  operation-security-defined: error\n');
    const strict = await hub(['push'], root, env);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('operation-security-defined');
    expect(strict.stderr).toContain('refusing to push specs/openapi.yaml: it has 1 validation error. Nothing was sent.');
    await writeFile(join(root, 'redocly.yaml'), 'rules:\n  no-such-rule: sometimes\n');
    const broken = await hub(['push'], root, env);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('the validation setup (redocly.yaml or its ignore file) is not valid; nothing was pushed');
    expect(apidog.seen).toHaveLength(0);
  });

  it('without a token or project it exits 2 before reading anything, naming the variables', async () => {
    const root = await pushProject();
    const r = await hub(['push'], root, { APIDOG_API_BASE_URL: apidog.baseUrl });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('api-hub push needs APIDOG_ACCESS_TOKEN and APIDOG_PROJECT_ID');
    expect(apidog.seen).toHaveLength(0);
  });

  it('reads the token and project from .env; the real environment wins', async () => {
    const root = await pushProject({ dotEnv: `APIDOG_ACCESS_TOKEN=${TOKEN}\nAPIDOG_PROJECT_ID=403\n` });
    const r = await hub(['push'], root, { APIDOG_API_BASE_URL: apidog.baseUrl, APIDOG_PROJECT_ID: '1001' });
    expect(r.code).toBe(0);
    expect(apidog.seen[0]?.url).toBe('/v1/projects/1001/import-openapi?locale=en-US');
    expect(apidog.seen[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });
});

describe('api-hub push: what Apidog refuses', () => {
  it('the server enforces the version header: a request without it is a 422', async () => {
    const res = await fetch(`${apidog.baseUrl}/v1/projects/1001/import-openapi?locale=en-US`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ input: await fixtureText() }),
    });
    expect(res.status).toBe(422);
  });

  it('422 (the version is no longer accepted): exit 2, explained, with the raw body', async () => {
    apidog.acceptVersion = '2099-01-01';
    const root = await pushProject();
    const r = await hub(['push'], root, env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Apidog refused the request (422)');
    expect(r.stderr).toContain('X-Apidog-Api-Version header (sent: 2024-03-28');
    expect(r.stderr).toContain('"errorCode":"INVALID_API_VERSION"');
    expect(apidog.seen).toHaveLength(1);
  });

  it('401 (bad token): exit 2, explained; the body echoes the token and it is redacted', async () => {
    const root = await pushProject();
    const wrong = 'apidog-WRONG-token-0c2d9e8f';
    const r = await hub(['push'], root, { ...env, APIDOG_ACCESS_TOKEN: wrong });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Apidog rejected the access token (401)');
    expect(r.stderr).toContain(`"errorMessage":"Invalid access token: ${REDACTED}"`);
    expect(r.stderr + r.stdout).not.toContain(wrong);
    expect(apidog.seen).toHaveLength(1);
  });

  it("403 (no permission on the project): exit 2, explained, with Apidog's message", async () => {
    const root = await pushProject();
    const r = await hub(['push'], root, { ...env, APIDOG_PROJECT_ID: '403' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the token has no permission on project 403 (403)');
    expect(r.stderr).toContain('No project guest privilege');
  });

  it('404 (no such project): exit 2, explained', async () => {
    const root = await pushProject();
    const r = await hub(['push'], root, { ...env, APIDOG_PROJECT_ID: '999999' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Apidog has no project 999999 (404). Check APIDOG_PROJECT_ID');
    expect(r.stderr).toContain('"errorMessage":"Project 999999 not found"');
  });

  it("counters with failures: printed with Apidog's errors, exit 1", async () => {
    const root = await pushProject();
    const r = await hub(['push'], root, { ...env, APIDOG_PROJECT_ID: 'partial' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^\s+endpoints\s+10\s+0\s+4\s+0$/m);
    expect(r.stdout).toContain('Apidog reported 4 errors:');
    expect(r.stdout).toContain(
      '  - POST /fal-ai/minimax/video-01/image-to-video: schema MinimaxVideo01ImageToVideoInput could not be resolved (IMPORT_ENDPOINT_FAILED)',
    );
    expect(r.stderr).toContain('Apidog could not import everything');

    const json = await hub(['push', '--json'], root, { ...env, APIDOG_PROJECT_ID: 'partial' });
    expect(json.code).toBe(1);
    expect((JSON.parse(json.stdout) as { status: string }).status).toBe('failed');
  });

  it('429 and 5xx are retried with backoff, honouring Retry-After', async () => {
    const root = await pushProject();
    apidog.failNext = { status: 503, count: 2 };
    const r = await hub(['push'], root, env);
    expect(r.code).toBe(0);
    expect(apidog.imports()).toHaveLength(3);
    expect(r.stderr).toContain('api-hub: Apidog answered 503; attempt 2 of 5 in');
    expect(apidog.imports().every((s) => s.body === apidog.imports()[0]?.body)).toBe(true);

    apidog.seen.length = 0;
    apidog.failNext = { status: 429, count: 1, retryAfter: '1' };
    const limited = await hub(['push'], root, env);
    expect(limited.code).toBe(0);
    expect(limited.stderr).toContain('Apidog answered 429; attempt 2 of 5 in 1.0 s');
    const [a, b] = apidog.imports();
    expect((b?.at ?? 0) - (a?.at ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it('gives up after the retries (exit 2), and never repeats a 5xx when the options could duplicate (CREATE_NEW)', async () => {
    const root = await pushProject();
    apidog.failNext = { status: 502, count: 10 };
    const r = await hub(['push'], root, env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Apidog failed with 502 after 5 attempts');
    expect(apidog.imports()).toHaveLength(5);

    apidog.seen.length = 0;
    apidog.failNext = { status: 500, count: 1 };
    const dup = await pushProject({ config: 'push:\n  endpointOverwriteBehavior: CREATE_NEW\n' });
    const once = await hub(['push'], dup, env);
    expect(once.code).toBe(2);
    expect(apidog.imports()).toHaveLength(1);
  });

  it('an unreachable Apidog is exit 2 with the address (an idempotent import is retried first)', async () => {
    const root = await pushProject();
    const closed = await startServer();
    const url = closed.baseUrl;
    await closed.close();
    const r = await hub(['push'], root, { ...env, APIDOG_API_BASE_URL: url, API_HUB_RETRY_BASE_MS: '1' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('api-hub: cannot reach Apidog (ECONNREFUSED); attempt 2 of 5');
    expect(r.stderr).toContain(`cannot reach Apidog at ${url}: ECONNREFUSED`);
  });

  it('the real binary: 401 and a push, and the token is in none of its output', async () => {
    const root = await pushProject();
    const bad = await hubProcess(['push'], root, { ...env, APIDOG_ACCESS_TOKEN: `${TOKEN}-x` });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(REDACTED);
    const good = await hubProcess(['push'], root, env);
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    expect(good.stdout + good.stderr + bad.stdout + bad.stderr).not.toContain(TOKEN);
  });
});

describe('api-hub pull', () => {
  it('exports the project (OAS 3.1, JSON) to a file', async () => {
    const root = await pushProject();
    expect((await hub(['push'], root, env)).code).toBe(0);
    apidog.seen.length = 0;
    const r = await hub(['pull'], root, env);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Pulled Apidog project 1001 \(14 paths, [\d.]+ KiB\) to apidog\/openapi\.json in \d+ ms\n$/);
    const [req] = apidog.seen;
    expect(req?.url).toBe('/v1/projects/1001/export-openapi?locale=en-US');
    expect(req?.headers['x-apidog-api-version']).toBe(VERSION);
    expect(JSON.parse(req?.body ?? '')).toEqual({
      scope: { type: 'ALL' },
      options: { includeApidogExtensionProperties: true, addFoldersToTags: false },
      oasVersion: '3.1',
      exportFormat: 'JSON',
    });
    const file = JSON.parse(await readFile(join(root, 'apidog', 'openapi.json'), 'utf8')) as { openapi: string; paths: Record<string, unknown> };
    const pushed = parseText(await fixtureText(), 'f');
    expect(pushed.ok && file).toEqual(pushed.ok ? pushed.value.data : undefined);
  });

  it('--diff shows how the Apidog project drifted from specs/openapi.yaml; --fail-on breaking exits 1', async () => {
    const root = await pushProject();
    expect((await hub(['push'], root, env)).code).toBe(0);
    // Someone edits the project in Apidog: an operation goes, a response type changes.
    const doc = apidog.projects.get('1001')?.document as { paths: Record<string, Record<string, unknown>> };
    delete doc.paths['/mj/submit/action'];
    apidog.wrapExport = true;

    const r = await hub(['pull', '--diff', '-o', 'out/apidog.json'], root, env);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('to out/apidog.json');
    expect(r.stderr).toContain('Drift from specs/openapi.yaml (old) to Apidog (new):');
    expect(r.stdout).toContain('/mj/submit/action');
    expect(r.stdout).toMatch(/breaking/i);

    const failing = await hub(['pull', '--diff', '--fail-on', 'breaking', '--format', 'json'], root, env);
    expect(failing.code).toBe(1);
    expect((JSON.parse(failing.stdout) as { breaking: number }).breaking).toBeGreaterThan(0);
  });

  it('a refusal is exit 2 with the token redacted', async () => {
    const root = await pushProject();
    const r = await hub(['pull'], root, { ...env, APIDOG_PROJECT_ID: '999999' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('export-openapi failed: Apidog has no project 999999 (404)');
  });
});

afterAll(() => {
  // Every run of this file, whatever it printed: the token is never in it.
  expect(outputs.length).toBeGreaterThan(40);
  for (const text of outputs) expect(text).not.toContain(TOKEN);
});

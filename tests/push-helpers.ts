import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import { isObject } from '../src/core/json.js';
import { parseText } from '../src/core/parse.js';
import { binPath, projectRoot } from './helpers/cli.js';
import { json, startServer } from './sdk-helpers.js';
import type { Seen, TestServer } from './sdk-helpers.js';
import { fakeKey } from './helpers/random.js';

/** A recognisable fake token: no output of any run may contain it. */
export const TOKEN = fakeKey('apidog-TEST-token', 'token');
export const VERSION = '2024-03-28';

/** A valid unified document (the generate fixture as it was before Comet's task families: push counts its 14 endpoints). */
export const validSpec = join(projectRoot, 'tests', 'fixtures', 'push', 'unified.yaml');
export const invalidSpec = join(projectRoot, 'tests', 'fixtures', 'push', 'invalid.yaml');
export const warningSpec = join(projectRoot, 'tests', 'fixtures', 'push', 'warning.yaml');

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

interface Project {
  endpoints: Map<string, number>;
  schemas: Set<string>;
  folders: Set<string>;
  /** The last imported document; export-openapi answers with it. */
  document?: Record<string, unknown>;
}

export interface FakeApidog extends TestServer {
  projects: Map<string, Project>;
  /** Answer 503 to this many requests first (then behave). */
  failNext: { status: number; count: number; retryAfter?: string };
  /** The version the server accepts (tests make it refuse ours). */
  acceptVersion: string;
  /** Wrap the export in `{ data }` (one source says Apidog does). */
  wrapExport: boolean;
  imports(): Seen[];
}

/**
 * A local Apidog that enforces the documented contract (docs/provider-apis.md §3):
 * - 422 without (or with another) `X-Apidog-Api-Version`;
 * - 401 unless `Authorization: Bearer <TOKEN>` (the body echoes what it got, as a careless server might);
 * - 403 for project `403`, 404 for a project it does not have;
 * - import-openapi: `{ input: <string>, options }`; endpoints match on method + path, schemas on name;
 *   OVERWRITE_EXISTING / AUTO_MERGE update, KEEP_EXISTING ignores, CREATE_NEW duplicates;
 *   project `partial` fails every endpoint whose path has `minimax`, and reports errors;
 * - export-openapi: the last imported document.
 */
export async function startApidog(projectIds: readonly string[] = ['1001', 'partial', '403']): Promise<FakeApidog> {
  const server = await startServer();
  const fake = server as FakeApidog;
  fake.projects = new Map(projectIds.map((id) => [id, { endpoints: new Map(), schemas: new Set(), folders: new Set() }]));
  fake.failNext = { status: 503, count: 0 };
  fake.acceptVersion = VERSION;
  fake.wrapExport = false;
  fake.imports = () => server.seen.filter((s) => s.url.includes('/import-openapi'));
  server.handle((req, res) => {
    const m = /^\/v1\/projects\/([^/?]+)\/(import-openapi|export-openapi)(\?.*)?$/.exec(req.url);
    if (req.method !== 'POST' || !m) return json(res, 404, { success: false, errorCode: 'NOT_FOUND', errorMessage: `no route ${req.method} ${req.url}` });
    if (req.headers['x-apidog-api-version'] !== fake.acceptVersion) {
      return json(res, 422, { success: false, errorCode: 'INVALID_API_VERSION', errorMessage: 'X-Apidog-Api-Version is missing or unsupported' });
    }
    const auth = req.headers.authorization ?? '';
    if (auth !== `Bearer ${TOKEN}`)
      return json(res, 401, { success: false, errorCode: 'UNAUTHORIZED', errorMessage: `Invalid access token: ${auth.replace(/^Bearer /, '')}` });
    if (fake.failNext.count > 0) {
      fake.failNext.count--;
      return json(
        res,
        fake.failNext.status,
        { success: false, errorMessage: 'try again' },
        fake.failNext.retryAfter === undefined ? {} : { 'retry-after': fake.failNext.retryAfter },
      );
    }
    const id = decodeURIComponent(m[1] ?? '');
    if (id === '403') return json(res, 403, { success: false, errorCode: 'FORBIDDEN', errorMessage: 'No project guest privilege' });
    const project = fake.projects.get(id);
    if (!project) return json(res, 404, { success: false, errorCode: 'NOT_FOUND', errorMessage: `Project ${id} not found` });
    let body: unknown;
    try {
      body = JSON.parse(req.body);
    } catch {
      return json(res, 400, { success: false, errorMessage: 'body is not JSON' });
    }
    if (m[2] === 'export-openapi') {
      if (!project.document) return json(res, 200, { openapi: '3.1.0', info: { title: 'empty', version: '1' }, paths: {} });
      return json(res, 200, fake.wrapExport ? { success: true, data: project.document } : project.document);
    }
    if (!isObject(body) || typeof body.input !== 'string') return json(res, 422, { success: false, errorMessage: '`input` must be the document as a string' });
    const parsed = parseText(body.input, 'input');
    if (!parsed.ok || !isObject(parsed.value.data)) return json(res, 422, { success: false, errorMessage: 'input is not OpenAPI' });
    const options = isObject(body.options) ? body.options : {};
    return json(res, 200, importInto(project, id, parsed.value.data, options));
  });
  return fake;
}

function importInto(project: Project, id: string, doc: Record<string, unknown>, options: Record<string, unknown>): unknown {
  const c: Record<string, number> = {};
  const bump = (key: string): void => void (c[key] = (c[key] ?? 0) + 1);
  for (const k of ['endpoint', 'schema', 'endpointFolder', 'schemaFolder'])
    for (const kind of ['Created', 'Updated', 'Failed', 'Ignored']) c[`${k}${kind}`] = 0;
  const errors: Array<{ message: string; code: string }> = [];
  const seenEndpoints = new Set<string>();
  const upsert = (subject: string, exists: boolean, behavior: unknown, create: () => void, update: () => void): void => {
    if (!exists || behavior === 'CREATE_NEW') {
      create();
      bump(`${subject}Created`);
    } else if (behavior === 'KEEP_EXISTING') bump(`${subject}Ignored`);
    else {
      update();
      bump(`${subject}Updated`);
    }
  };
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const key = `${method.toUpperCase()} ${path}`;
      seenEndpoints.add(key);
      if (id === 'partial' && path.includes('minimax')) {
        bump('endpointFailed');
        errors.push({ message: `${key}: schema MinimaxVideo01ImageToVideoInput could not be resolved`, code: 'IMPORT_ENDPOINT_FAILED' });
        continue;
      }
      const folder = typeof op['x-apidog-folder'] === 'string' ? op['x-apidog-folder'] : undefined;
      if (folder && !project.folders.has(folder)) {
        project.folders.add(folder);
        bump('endpointFolderCreated');
      }
      const n = project.endpoints.get(key) ?? 0;
      upsert(
        'endpoint',
        n > 0,
        options.endpointOverwriteBehavior,
        () => project.endpoints.set(key, n + 1),
        () => undefined,
      );
    }
  }
  const components = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
  for (const name of Object.keys(components)) {
    upsert(
      'schema',
      project.schemas.has(name),
      options.schemaOverwriteBehavior,
      () => project.schemas.add(name),
      () => undefined,
    );
  }
  if (options.deleteUnmatchedResources === true) for (const key of [...project.endpoints.keys()]) if (!seenEndpoints.has(key)) project.endpoints.delete(key);
  project.document = doc;
  return { data: { counters: c, ...(errors.length > 0 ? { errors } : {}) } };
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Every output of every run, to check that the token appears in none. */
export const outputs: string[] = [];

/** `api-hub <args>` in this process, with its own root and environment (process.env is not used). */
export async function hub(args: string[], root: string, env: Record<string, string>): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { root, env, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), plain: true });
  outputs.push(stdout, stderr);
  return { code, stdout, stderr };
}

/** The real binary in a child process (async, so the local server keeps answering). */
export function hubProcess(args: string[], cwd: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], { cwd, env: { PATH: process.env.PATH ?? '', CI: 'true', NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => void (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => void (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      outputs.push(stdout, stderr);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

const made: string[] = [];

/** A temp project with `spec` as specs/openapi.yaml and, optionally, api-hub.config.yaml and .env. */
export async function pushProject(options: { spec?: string; config?: string; dotEnv?: string } = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'api-hub-push-'));
  made.push(root);
  const { mkdir } = await import('node:fs/promises');
  await mkdir(join(root, 'specs'), { recursive: true });
  await copyFile(options.spec ?? validSpec, join(root, 'specs', 'openapi.yaml'));
  if (options.config !== undefined) await writeFile(join(root, 'api-hub.config.yaml'), options.config);
  if (options.dotEnv !== undefined) await writeFile(join(root, '.env'), options.dotEnv);
  return root;
}

export async function removePushProjects(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { load, CORE_SCHEMA } from 'js-yaml';
import SwaggerParser from '@apidevtools/swagger-parser';
import { runCli, projectRoot } from './helpers/cli.js';
import { tempProject, fixtures } from './helpers/project.js';
import { HTTP_METHODS } from '../src/normalize/schema-walk.js';
import { isObject } from '../src/core/json.js';

/**
 * Issue 5, done when: the committed snapshot (FAL + Comet) plus two real-world
 * specs as extra providers, a Swagger 2.0 one (Yelp) and the multi-file
 * DigitalOcean one (2,900 files; `$ref` under operations and in descriptions),
 * builds into a document with zero errors from `api-hub validate`, `redocly
 * lint` (recommended) and swagger-parser, with every source operation present.
 * DigitalOcean is read from ../shared/corpus; without it that provider is left out.
 */
const digitalOcean = join(projectRoot, '..', 'shared', 'corpus', 'real-world', 'digitalocean.com__v2', 'specification', 'DigitalOcean-public.v2.yaml');
const hasDigitalOcean = existsSync(digitalOcean);
const yelpFixture = join(fixtures, 'build-cases', 'real-world-yelp-2.0', 'yelp.com__v3__swagger.yaml');

/** DigitalOcean's presigned upload "server" is `https://`: documented with an overlay, the way a team fixes a provider's description. */
const UPLOAD_OVERLAY = `overlay: 1.0.0
info: { title: DigitalOcean presigned upload URL, version: 1.0.0 }
actions:
  - target: $.paths['/<upload_url>'].put.servers[0]
    description: The upload goes to the presigned upload_url returned by POST /v1/batches/files.
    update:
      url: 'https://{upload_host}'
      variables: { upload_host: { default: upload.example.invalid } }
`;

let root = '';
let cleanup: () => Promise<void> = async () => {};
let doc: Record<string, unknown> = {};

/** The project's own providers (api-hub.config.yaml): Comet's OpenAI-format routes, imported from OpenAI's document. */
let projectProviders: Array<{ name: string; paths?: string[] }> = [];

beforeAll(async () => {
  projectProviders = (load(await readFile(join(projectRoot, 'api-hub.config.yaml'), 'utf8')) as { providers: typeof projectProviders }).providers;
  ({ root, cleanup } = await tempProject({ withCometSpec: false }));
  await cp(join(projectRoot, 'specs', 'providers'), join(root, 'specs', 'providers'), { recursive: true });
  await mkdir(join(root, 'specs', 'providers', 'yelp'), { recursive: true });
  await cp(yelpFixture, join(root, 'specs', 'providers', 'yelp', 'swagger.yaml'));
  await mkdir(join(root, 'specs', 'overlays'), { recursive: true });
  if (hasDigitalOcean) await writeFile(join(root, 'specs', 'overlays', '10-digitalocean-upload.yaml'), UPLOAD_OVERLAY);
  await writeFile(
    join(root, 'api-hub.config.yaml'),
    [
      'providers:',
      '  - { name: yelp, source: specs/providers/yelp/swagger.yaml, label: Yelp }',
      // Comet's OpenAI-format routes, imported as the project imports them.
      `  - ${JSON.stringify(projectProviders.find((p) => p.name === 'openai'))}`,
      // DigitalOcean serves OpenAI-compatible /v1/chat/completions, /v1/models… like Comet: the prefix policy resolves the clash.
      ...(hasDigitalOcean
        ? [
            `  - { name: digitalocean, source: ${JSON.stringify(digitalOcean)}, label: DigitalOcean, pathPrefix: /digitalocean, operationIdPrefix: digitalocean_ }`,
          ]
        : []),
      '',
    ].join('\n'),
  );
  const r = runCli(['build'], { cwd: root });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  doc = load(await readFile(join(root, 'specs', 'openapi.yaml'), 'utf8'), { schema: CORE_SCHEMA }) as Record<string, unknown>;
}, 300_000);
afterAll(() => cleanup());

/** `provider method path` of every operation of the unified document (the provider's own path). */
function unifiedOperations(): Set<string> {
  const out = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
    for (const m of HTTP_METHODS) {
      const op = item[m];
      if (!isObject(op)) continue;
      const src = op['x-hub-source'] as { provider: string; path?: string };
      out.add(`${src.provider} ${m} ${src.path ?? path}`);
    }
  }
  return out;
}

/** `provider method path` of every operation a source document declares (in its root file: DigitalOcean's `get: {$ref}` counts). */
async function sourceOperations(provider: string, file: string, basePath = ''): Promise<string[]> {
  const src = load(await readFile(file, 'utf8'), { schema: CORE_SCHEMA }) as { paths: Record<string, Record<string, unknown>> };
  const out: string[] = [];
  for (const [path, item] of Object.entries(src.paths)) for (const m of HTTP_METHODS) if (isObject(item[m])) out.push(`${provider} ${m} ${basePath}${path}`);
  return out;
}

describe('build: the snapshot plus real-world providers (Yelp 2.0, DigitalOcean multi-file)', () => {
  it('keeps every source operation', async () => {
    const ops = unifiedOperations();
    const report = JSON.parse(await readFile(join(root, 'specs', 'build-report.json'), 'utf8')) as {
      summary: { sources: Record<string, { included: number }> };
    };
    const expected = [
      ...(await sourceOperations('comet', join(root, 'specs', 'providers', 'comet', 'openapi.yaml'))),
      // The selected operations of OpenAI's document (`METHOD /path`), under their own paths.
      ...(projectProviders.find((p) => p.name === 'openai')?.paths ?? []).map((e) => `comet ${e.split(' ')[0]!.toLowerCase()} ${e.split(' ')[1]!}`),
      ...(await sourceOperations('yelp', yelpFixture)),
      ...(hasDigitalOcean ? await sourceOperations('digitalocean', digitalOcean) : []),
    ];
    expect(expected.length).toBeGreaterThan(hasDigitalOcean ? 600 : 20);
    expect(expected.filter((o) => !ops.has(o))).toEqual([]);
    // FAL: the four queue operations of every included model.
    expect([...ops].filter((o) => o.startsWith('fal ')).length).toBe(4 * report.summary.sources.fal!.included);
    expect(ops.size).toBe(expected.length + 4 * report.summary.sources.fal!.included);
  });

  it('has zero errors from api-hub validate', () => {
    const r = runCli(['validate', '--format', 'json', '--no-cache'], { cwd: root });
    const result = JSON.parse(r.stdout) as { errorCount: number; problems: Array<{ severity: string; ruleId: string; message: string; pointer: string }> };
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.status).toBe(0);
  }, 300_000);

  it('has zero errors from redocly lint (recommended)', () => {
    const lint = spawnSync(
      process.execPath,
      [join(projectRoot, 'node_modules/@redocly/cli/bin/cli.js'), 'lint', join(root, 'specs', 'openapi.yaml'), '--extends', 'recommended', '--format', 'json'],
      {
        encoding: 'utf8',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        maxBuffer: 512 * 1024 * 1024,
      },
    );
    const result = JSON.parse(lint.stdout) as { totals: { errors: number }; problems: Array<{ ruleId: string; severity: string; message: string }> };
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.totals.errors).toBe(0);
  }, 300_000);

  it('is accepted by swagger-parser', async () => {
    await expect(SwaggerParser.validate(join(root, 'specs', 'openapi.yaml'))).resolves.toBeDefined();
  }, 300_000);

  it('traces a diagnostic pointer back to the provider document', () => {
    const r = runCli(
      ['trace', '--json', '/paths/~1businesses~1search/get/parameters/0', ...(hasDigitalOcean ? ['/paths/~1digitalocean~1v1~1models/get'] : [])],
      { cwd: root },
    );
    expect(r.status).toBe(0);
    const traced = JSON.parse(r.stdout) as Array<{ kind: string; sources: Array<{ provider: string; file: string; path?: string }> }>;
    expect(traced[0]).toMatchObject({ kind: 'operation', sources: [{ provider: 'yelp', file: 'specs/providers/yelp/swagger.yaml' }] });
    if (hasDigitalOcean) expect(traced[1]!.sources[0]).toMatchObject({ provider: 'digitalocean', path: '/v1/models' });
  });
});

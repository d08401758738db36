import { describe, it, expect } from 'vitest';
import { cp, readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { load } from 'js-yaml';
import SwaggerParser from '@apidevtools/swagger-parser';
import { runCli, projectRoot } from './helpers/cli.js';
import { tempProject } from './helpers/project.js';

describe('the whole pipeline on the committed snapshot', () => {
  it('npm start (api-hub start) runs offline in a fresh copy, exits 0, summarizes, and reproduces the committed outputs byte for byte', async () => {
    const { root, cleanup } = await tempProject({ withCometSpec: false });
    try {
      await cp(join(projectRoot, 'specs'), join(root, 'specs'), { recursive: true });
      // The project's configuration imports Comet's OpenAI-format routes from OpenAI's document.
      await cp(join(projectRoot, 'api-hub.config.yaml'), join(root, 'api-hub.config.yaml'));
      await mkdir(join(root, 'data'), { recursive: true });
      const r = runCli(['start'], { cwd: root, env: { FAL_API_BASE_URL: 'http://127.0.0.1:9', COMET_API_BASE_URL: 'http://127.0.0.1:9' } });
      expect(r.stderr).not.toMatch(/error/i);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^models: +1162 \(FAL 594, 589 with a document, 5 left out; Comet 568\)$/m);
      expect(r.stdout).toMatch(/^operations: +2402 on 2402 paths$/m);
      expect(r.stdout).toMatch(/^problems: +0 error\(s\)/m);
      for (const f of [
        'specs/openapi.yaml',
        'specs/build-report.json',
        'data/model_registry.json',
        'generated/client.js',
        'generated/client.d.ts',
        'generated/schema.d.ts',
      ]) {
        expect((await readFile(join(root, f))).equals(await readFile(join(projectRoot, f))), `${f} differs from the committed file`).toBe(true);
      }
    } finally {
      await cleanup();
    }
  });

  it('generated/ is current (generate --check)', () => {
    const r = runCli(['generate', '--check'], { cwd: projectRoot });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('a strict consumer compiles against the real generated client, and its @ts-expect-error lines are real errors', () => {
    const tsc = join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', join(projectRoot, 'tests/consumer/tsconfig.real.json')], { cwd: projectRoot, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('the committed specs/openapi.yaml has every FAL model with a document, zero redocly (recommended) errors, and swagger-parser accepts it', async () => {
    const listing = JSON.parse(await readFile(join(projectRoot, 'specs/providers/fal/models.json'), 'utf8')) as {
      models: Array<{ endpoint_id: string; openapi: { status: string } }>;
    };
    const doc = load(await readFile(join(projectRoot, 'specs/openapi.yaml'), 'utf8')) as {
      paths: Record<string, { post?: { 'x-hub-source'?: { endpointId?: string } } }>;
    };
    const available = listing.models.filter((m) => m.openapi.status === 'available').map((m) => m.endpoint_id);
    expect(available).toHaveLength(589);
    for (const id of available) expect(doc.paths[`/${id}`]?.post?.['x-hub-source']?.endpointId, id).toBe(id);
    const report = JSON.parse(await readFile(join(projectRoot, 'specs/build-report.json'), 'utf8')) as { excluded: Array<{ provider: string; id: string }> };
    const missing = listing.models.filter((m) => m.openapi.status !== 'available').map((m) => m.endpoint_id);
    expect(report.excluded.filter((e) => e.provider === 'fal').map((e) => e.id)).toEqual(missing);

    const lint = spawnSync(process.execPath, [join(projectRoot, 'node_modules/@redocly/cli/bin/cli.js'), 'lint', 'specs/openapi.yaml', '--format', 'json'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      maxBuffer: 256 * 1024 * 1024,
    });
    const result = JSON.parse(lint.stdout) as { totals: { errors: number; warnings: number } };
    expect(result.totals.errors).toBe(0);
    await expect(SwaggerParser.validate(join(projectRoot, 'specs/openapi.yaml'))).resolves.toBeDefined();
  });

  // npm 11.19 cannot self-execute a project's own bin (`npx api-hub` reads package.json from an npx
  // cache directory it never created), so `prepare` links it into node_modules/.bin, where
  // `npx -c`, npm scripts and PATH find it.
  it("the api-hub bin is on npm's PATH in a clone after npm ci (prepare links the project's own bin)", () => {
    const r = spawnSync('npx', ['-c', 'api-hub --version'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(r.status).toBe(0);
  });

  it('output piped into a reader that closes early (| head) is not an error', () => {
    const r = spawnSync('sh', ['-c', `node "${join(projectRoot, 'bin/api-hub.js')}" --help | head -1`], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/^Usage: api-hub/);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });
});

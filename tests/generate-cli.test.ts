import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { GENERATED_FILES } from '../src/generate/index.js';
import { sha256 } from '../src/core/hash.js';
import { parseText } from '../src/core/parse.js';
import { toIndexJson } from '../src/normalize/serialize.js';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot, runCli } from './helpers/cli.js';
import { goldenSource, makeTempProject, removeTempProjects } from './generate-helpers.js';

afterAll(removeTempProjects);

// cwd is the project root; API_HUB_ROOT is cleared so the outer environment cannot redirect writes.
const inDir = (cwd: string, args: string[]) => runCli(['generate', ...args], { cwd, env: { API_HUB_ROOT: undefined } });

/** Every file under generated/ by its path there, sorted. */
async function readGenerated(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const entries = await readdir(join(dir, 'generated'), { recursive: true, withFileTypes: true });
  const names = entries
    .filter((e) => e.isFile())
    .map((e) =>
      join(e.parentPath, e.name)
        .slice(join(dir, 'generated').length + 1)
        .replace(/\\/g, '/'),
    );
  for (const name of names.sort()) out[name] = await readFile(join(dir, 'generated', name), 'utf8');
  return out;
}

/** client.d.ts, client.js, schema.d.ts and the runtime's modules. */
const N = GENERATED_FILES.length;

describe('api-hub generate', () => {
  it('writes schema.d.ts, client.js, client.d.ts and runtime/, byte-identical on every run', async () => {
    const dir = await makeTempProject();
    const first = inDir(dir, []);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/generated\/client\.d\.ts\s+[\d.]+ KiB/);
    expect(first.stdout).toMatch(/generated\/client\.js\s+[\d.]+ KiB/);
    expect(first.stdout).toMatch(/generated\/schema\.d\.ts\s+[\d.]+ KiB/);
    expect(first.stdout).toMatch(/generated\/runtime\/retry\.js\s+[\d.]+ KiB/);
    expect(first.stdout).toContain(`${N} of ${N} files written: 2 FAL endpoints, 17 Comet operations`);
    const files = await readGenerated(dir);
    expect(Object.keys(files)).toEqual([...GENERATED_FILES]);
    expect(N).toBeGreaterThan(10);
    expect(files['schema.d.ts']).toContain('export interface paths');
    expect(files['client.d.ts']).toContain('"fal-ai/minimax/video-01/image-to-video": {');

    const second = inDir(dir, []);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain(`0 of ${N} files written`);
    expect(second.stdout.match(/\(unchanged\)/g)).toHaveLength(N);
    expect(await readGenerated(dir)).toEqual(files);

    // A second project from the same document gets the same bytes (no paths, times or randomness inside).
    const other = await makeTempProject();
    expect(inDir(other, ['--quiet']).status).toBe(0);
    expect(await readGenerated(other)).toEqual(files);
  });

  it('--quiet prints nothing on success', async () => {
    const dir = await makeTempProject();
    const r = inDir(dir, ['--quiet']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
  });

  it('warns about a FAL model it leaves out, and still exits 0', async () => {
    const dir = await makeTempProject();
    const spec = join(dir, 'specs', 'openapi.yaml');
    // Drop the result operation of the image-to-video model: it has no output type any more.
    const text = await readFile(spec, 'utf8');
    await writeFile(
      spec,
      text.replace(
        'role: result\n        file: specs/providers/fal/openapi/fal-ai__minimax',
        'role: retrieve\n        file: specs/providers/fal/openapi/fal-ai__minimax',
      ),
    );
    const r = inDir(dir, []);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('warning: specs/openapi.yaml (/paths/~1fal-ai~1minimax~1video-01~1image-to-video~1requests~1{request_id}/get/x-hub-source)');
    expect(r.stderr).toContain(
      'FAL endpoint fal-ai/minimax/video-01/image-to-video is left out of the typed client: it has no result operation [generate-fal-incomplete]',
    );
    expect(r.stdout).toContain('1 FAL endpoint, 17 Comet operations (2 warnings)');
    expect(await readFile(join(dir, 'generated', 'client.d.ts'), 'utf8')).not.toContain('"fal-ai/minimax/video-01/image-to-video": {');
  });

  it('honours API_HUB_ROOT as the project root', async () => {
    const dir = await makeTempProject();
    const r = runCli(['generate', '--quiet'], { cwd: await makeTempProject(false), env: { API_HUB_ROOT: dir } });
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, 'generated', 'client.js'))).toBe(true);
  });
});

describe('api-hub generate --check', () => {
  it('exits 0 when generated/ is current', async () => {
    const dir = await makeTempProject();
    expect(inDir(dir, ['--quiet']).status).toBe(0);
    const r = inDir(dir, ['--check']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`generated/ is up to date (${N} files`);
  });

  it('exits 1 and lists the stale files when generated/ differs, and writes nothing', async () => {
    const dir = await makeTempProject();
    expect(inDir(dir, ['--quiet']).status).toBe(0);
    const clientJs = join(dir, 'generated', 'client.js');
    await writeFile(clientJs, (await readFile(clientJs, 'utf8')) + '// edited by hand\n');
    await rm(join(dir, 'generated', 'schema.d.ts'));

    const r = inDir(dir, ['--check']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`generated/ is stale: 2 of ${N} files`);
    expect(r.stderr).toContain('generated/client.js (differs)');
    expect(r.stderr).toContain('generated/schema.d.ts (missing)');
    expect(r.stderr).not.toContain('client.d.ts');
    expect(r.stderr).toContain('api-hub generate');
    expect(await readFile(clientJs, 'utf8')).toMatch(/\/\/ edited by hand\n$/);
    expect(existsSync(join(dir, 'generated', 'schema.d.ts'))).toBe(false);
  });

  it('exits 1 when the document changed since the last generate', async () => {
    const dir = await makeTempProject();
    expect(inDir(dir, ['--quiet']).status).toBe(0);
    const spec = join(dir, 'specs', 'openapi.yaml');
    await writeFile(spec, (await readFile(spec, 'utf8')).replace('description: The prompt to generate an image from.', 'description: The prompt.'));
    const r = inDir(dir, ['--check']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('generated/schema.d.ts (differs)');
  });

  it('exits 1 when nothing was generated yet, without creating generated/', async () => {
    const dir = await makeTempProject();
    const r = inDir(dir, ['--check']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`generated/ is stale: ${N} of ${N} files`);
    expect(existsSync(join(dir, 'generated'))).toBe(false);
  });

  it('the golden output in tests/consumer/generated is current', () => {
    // Refresh with: node bin/api-hub.js generate -i tests/fixtures/generate/unified.yaml -o tests/consumer/generated
    const r = runCli(['generate', '--check', '--input', goldenSource, '--out-dir', 'tests/consumer/generated'], {
      cwd: projectRoot,
      env: { API_HUB_ROOT: undefined },
    });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  });
});

describe('api-hub generate: result cache (node_modules/.cache/api-hub/generate)', () => {
  it('an unchanged document and output directory are answered from the cache; an edited file, a changed document or --no-cache are not', async () => {
    const dir = await makeTempProject();
    await mkdir(join(dir, 'node_modules'));
    const first = inDir(dir, []);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`${N} of ${N} files written: 2 FAL endpoints, 17 Comet operations`);
    const files = await readGenerated(dir);
    const cacheDir = join(dir, 'node_modules', '.cache', 'api-hub', 'generate');
    const entries = await readdir(cacheDir);
    expect(entries).toHaveLength(1);
    // Prove the next runs read the entry: doctor its count.
    const entryPath = join(cacheDir, entries[0] ?? '');
    await writeFile(entryPath, (await readFile(entryPath, 'utf8')).replace('"falEndpoints":2', '"falEndpoints":99'));

    const hit = inDir(dir, []);
    expect(hit.status).toBe(0);
    expect(hit.stdout).toContain(`0 of ${N} files written: 99 FAL endpoints`);
    expect(hit.stdout.match(/\(unchanged\)/g)).toHaveLength(N);
    const check = inDir(dir, ['--check']);
    expect({ status: check.status, stdout: check.stdout }).toEqual({ status: 0, stdout: expect.stringContaining(`generated/ is up to date (${N} files`) });
    expect(inDir(dir, ['--no-cache']).stdout).toContain('2 FAL endpoints');

    // A file edited by hand: generated again, and put back.
    await writeFile(join(dir, 'generated', 'client.js'), 'edited\n');
    const edited = inDir(dir, []);
    expect(edited.stdout).toContain(`1 of ${N} files written: 2 FAL endpoints`);
    expect(await readGenerated(dir)).toEqual(files);

    // A changed document: --check finds the output stale, from the cache's point of view too.
    const spec = join(dir, 'specs', 'openapi.yaml');
    await writeFile(spec, (await readFile(spec, 'utf8')).replace('submit a request to the queue', 'submit a request to the queue (changed)'));
    expect(inDir(dir, ['--check']).status).toBe(1);
  });
});

describe('api-hub generate: the JSON index (specs/openapi.index.json)', () => {
  it('is read instead of the YAML when it mirrors the YAML text (sha256), and ignored when it does not', async () => {
    const dir = await makeTempProject();
    const yaml = await readFile(join(dir, 'specs', 'openapi.yaml'), 'utf8');
    const parsed = parseText(yaml, goldenSource);
    if (!parsed.ok) throw new Error(parsed.problem.message);
    // A doctored index: what it holds shows in the output only when it is the one read.
    const doctored = JSON.parse(JSON.stringify(parsed.value.data).replace('submit a request to the queue', 'FROM THE INDEX')) as unknown;
    const index = join(dir, 'specs', 'openapi.index.json');
    await writeFile(index, toIndexJson(doctored, sha256(yaml)));
    expect(inDir(dir, ['--quiet']).status).toBe(0);
    expect(await readFile(join(dir, 'generated', 'schema.d.ts'), 'utf8')).toContain('FROM THE INDEX');

    await writeFile(index, toIndexJson(doctored, sha256(`${yaml}\n`)));
    expect(inDir(dir, ['--quiet']).status).toBe(0);
    expect(await readFile(join(dir, 'generated', 'schema.d.ts'), 'utf8')).not.toContain('FROM THE INDEX');
  });
});

describe('api-hub generate: input problems exit 2', () => {
  it.each([
    ['--check', ['--check']],
    ['generate', []],
  ])('missing specs/openapi.yaml (%s)', async (_name, args) => {
    const dir = await makeTempProject(false);
    const r = inDir(dir, args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('cannot read specs/openapi.yaml: the file does not exist');
    expect(existsSync(join(dir, 'generated'))).toBe(false);
  });

  it('unparseable YAML', async () => {
    const dir = await makeTempProject();
    await writeFile(join(dir, 'specs', 'openapi.yaml'), 'openapi: 3.1.0\npaths:\n  /a: [unclosed\n');
    const r = inDir(dir, ['--check']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('cannot parse specs/openapi.yaml');
    expect(r.stderr).toContain('invalid YAML');
  });

  it('a document that is not OpenAPI 3', async () => {
    const dir = await makeTempProject();
    await writeFile(join(dir, 'specs', 'openapi.yaml'), 'swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths: {}\n');
    const r = inDir(dir, []);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('specs/openapi.yaml is not an OpenAPI 3.0/3.1 document');
    expect(existsSync(join(dir, 'generated'))).toBe(false);
  });

  it('--input names another file', async () => {
    const dir = await makeTempProject();
    const r = inDir(dir, ['--check', '--input', 'specs/nope.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('cannot read specs/nope.yaml');
  });
});

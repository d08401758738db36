import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runCli } from './helpers/cli.js';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'api-hub-docs-cli-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...(await listFiles(join(dir, e.name), `${prefix}${e.name}/`)));
    else out.push(`${prefix}${e.name}`);
  }
  return out.sort();
}

async function digest(dir: string): Promise<Map<string, string>> {
  const m = new Map<string, string>();
  for (const f of await listFiles(dir))
    m.set(
      f,
      createHash('sha256')
        .update(await readFile(join(dir, f)))
        .digest('hex'),
    );
  return m;
}

describe('api-hub docs on the committed snapshot', () => {
  let site: string;
  let summary: { out: string; files: number; bytes: number; ms: number };

  beforeAll(() => {
    site = join(tmp, 'site');
    const r = runCli(['docs', '--out', site, '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    summary = JSON.parse(r.stdout) as typeof summary;
  }, 180_000);

  it('writes a page per model of the registry, and says what it wrote', async () => {
    const registry = JSON.parse(await readFile(join(projectRoot, 'data/model_registry.json'), 'utf8')) as { models: unknown[] };
    const files = await listFiles(site);
    expect(files.filter((f) => f.startsWith('models/')).length).toBe(registry.models.length);
    expect(files).toEqual(
      expect.arrayContaining([
        'index.html',
        'assets/models.js',
        'assets/search.js',
        'assets/site.css',
        'comet/index.html',
        'drift.html',
        'download.html',
        'openapi.yaml',
      ]),
    );
    expect(summary.files).toBe(files.length - 1); // the marker file is not counted
    expect(summary.ms).toBeGreaterThan(0);
  });

  it('the first page transfers under 300 KB, every model page is under 200 KB, none loads the document', async () => {
    const index = await readFile(join(site, 'index.html'), 'utf8');
    const refs = [...index.matchAll(/(?:src|href)="(assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(refs.sort()).toEqual(['assets/models.js', 'assets/search.js', 'assets/site.css']);
    let first = Buffer.byteLength(index);
    for (const r of refs) first += (await stat(join(site, r))).size;
    expect(first).toBeLessThan(300 * 1024);

    const pages = (await listFiles(site)).filter((f) => f.endsWith('.html'));
    let biggest = 0;
    for (const p of pages) {
      const text = await readFile(join(site, p), 'utf8');
      if (p.startsWith('models/')) biggest = Math.max(biggest, Buffer.byteLength(text));
      // Pages link the document (download.html) but never load it: no script, stylesheet, frame or fetch of it.
      expect(text, p).not.toMatch(/<(script|link|iframe|object|embed)[^>]+openapi\.(yaml|json)/);
      expect(text, p).not.toMatch(/fetch\(|XMLHttpRequest/);
    }
    expect(biggest).toBeGreaterThan(0);
    expect(biggest).toBeLessThan(200 * 1024);
  });

  it('builds byte-identical files again', async () => {
    const before = await digest(site);
    const r = runCli(['docs', '--out', site]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^api-hub docs: wrote .+ \(\d+ files, [\d.]+ MB of pages \+ the [\d.]+ MB document\) in [\d.]+ s/);
    expect(await digest(site)).toEqual(before);
  }, 180_000);
});

describe('api-hub docs: bad input and a bad --out', () => {
  it('no registry: exit 2 naming the file, nothing written', async () => {
    const empty = join(tmp, 'empty-project');
    await mkdir(empty, { recursive: true });
    const r = runCli(['docs', '--out', join(tmp, 'never')], { cwd: empty });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('data/model_registry.json: file not found');
    await expect(stat(join(tmp, 'never'))).rejects.toThrow();
  });

  it('an unparseable document: exit 2 naming it, the previous site kept', async () => {
    const project = join(tmp, 'bad-doc');
    await mkdir(join(project, 'data'), { recursive: true });
    await mkdir(join(project, 'specs'), { recursive: true });
    await writeFile(join(project, 'data/model_registry.json'), await readFile(join(projectRoot, 'tests/fixtures/site/data/model_registry.json')));
    await writeFile(join(project, 'specs/openapi.yaml'), await readFile(join(projectRoot, 'tests/fixtures/site/specs/openapi.yaml')));
    const out = join(tmp, 'bad-doc-site');
    expect(runCli(['docs', '--out', out], { cwd: project }).status).toBe(0);
    const before = await digest(out);
    await writeFile(join(project, 'specs/openapi.yaml'), 'openapi: 3.1.0\npaths: {\n');
    const r = runCli(['docs', '--out', out], { cwd: project });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('specs/openapi.yaml:3:1 invalid YAML');
    expect(await digest(out)).toEqual(before);
  });

  it('refuses to replace a folder it did not write, or the project root', async () => {
    const src = join(tmp, 'src-like');
    await mkdir(src, { recursive: true });
    await writeFile(join(src, 'main.ts'), 'keep');
    const r = runCli(['docs', '--out', src], { cwd: join(projectRoot, 'tests/fixtures/site') });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('not a site written by api-hub docs');
    expect(await readdir(src)).toEqual(['main.ts']);
    const root = runCli(['docs', '--out', '.'], { cwd: join(projectRoot, 'tests/fixtures/site') });
    expect(root.status).toBe(2);
    expect(root.stderr).toContain('cannot replace the project root');
  });

  it('--help lists the flags', () => {
    const r = runCli(['docs', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--out <dir>');
    expect(r.stdout).toContain('site/index.html');
  });
});

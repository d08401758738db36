import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempProject, falPages } from './helpers/project.js';
import { runCli } from './helpers/cli.js';
import { readTree } from '../src/fetch/write-snapshot.js';
import { falServer, loadFalFixture, type FakeApi } from './fetch-server.js';
import { FAKE_FAL_KEY, runCliAsync } from './fetch-helpers.js';

let root = '';
let cleanup: () => Promise<void> = async () => {};

beforeEach(async () => {
  ({ root, cleanup } = await tempProject());
  // The whole catalog of the fixtures: 12 models in 7 categories.
  expect(runCli(['fetch', '--provider', 'fal', '--from', ...falPages], { cwd: root }).status).toBe(0);
});
afterEach(() => cleanup());

/** A `/v1/models` page file with only the models of the given categories (what `?category=X` returns). */
async function categoryFile(...categories: string[]): Promise<string> {
  const models = [];
  for (const p of falPages) {
    const page = JSON.parse(await readFile(p, 'utf8')) as { models: Array<{ metadata?: { category?: string } }> };
    models.push(...page.models.filter((m) => categories.includes(m.metadata?.category ?? '')));
  }
  const file = join(root, `fal.models.${categories.join('+')}.json`);
  await writeFile(file, JSON.stringify({ models, has_more: false, next_cursor: null }));
  return file;
}

const ids = async (): Promise<string[]> =>
  (JSON.parse(await readFile(join(root, 'specs/providers/fal/models.json'), 'utf8')) as { models: Array<{ endpoint_id: string }> }).models.map(
    (m) => m.endpoint_id,
  );

/** Every file of the project except the import inputs: to prove a run wrote nothing. */
async function projectFiles(): Promise<Map<string, string>> {
  const tree = await readTree(root);
  for (const k of [...tree.keys()]) if (k.startsWith('fal.models.')) tree.delete(k);
  return tree;
}

describe('api-hub fetch --from with part of the FAL catalog', () => {
  it('merges two category files into the snapshot (the README example): nothing is deleted, and it says how to prune', async () => {
    const before = await ids();
    expect(before).toHaveLength(12);
    const r = runCli(['fetch', '--provider', 'fal', '--from', await categoryFile('text-to-image'), await categoryFile('image-to-video')], { cwd: root });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /note: fal: the files hold part of the catalog \(no image-to-3d, speech-to-text, text-to-speech, text-to-video, vision\): merged 7 model\(s\) into the snapshot, keeping the 5 model\(s\) not in the files; .*add --prune/,
    );
    expect(r.stdout).toMatch(/fal: 12 models/);
    expect(r.stdout).toMatch(/files: 0 added, 0 changed, 0 removed/);
    expect(await ids()).toEqual(before);
    expect((await readTree(join(root, 'specs/providers/fal/openapi'))).size).toBe(11);
  });

  it('keeps the prices of the models not in the files when a pricing file comes with them', async () => {
    const pricing = join(root, 'fal.models.pricing.json');
    await writeFile(
      pricing,
      JSON.stringify({
        prices: [{ endpoint_id: 'fal-ai/flux/dev', unit_price: 0.03, unit: 'megapixels', currency: 'USD' }],
        next_cursor: null,
        has_more: false,
      }),
    );
    const r = runCli(['fetch', '--provider', 'fal', '--from', await categoryFile('text-to-image'), pricing], { cwd: root });
    expect(r.status).toBe(0);
    expect(await ids()).toHaveLength(12);
  });

  it('--prune replaces the snapshot with exactly the files, and says what it removed', async () => {
    const r = runCli(['fetch', '--provider', 'fal', '--from', await categoryFile('text-to-image'), '--prune'], { cwd: root });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/note: fal: --prune: 8 model\(s\) not in the files were removed/);
    expect(await ids()).toEqual(['bria/text-to-image/3.2', 'fal-ai/diffusion-edge', 'fal-ai/flux/dev', 'fal-ai/hyper-sdxl']);
  });

  it('--dry-run writes nothing and shows what would change, with or without --prune', async () => {
    const before = await projectFiles();
    const file = await categoryFile('text-to-image');
    const merge = runCli(['fetch', '--provider', 'fal', '--from', file, '--dry-run'], { cwd: root });
    expect(merge.status).toBe(0);
    expect(merge.stderr).toMatch(/would merge 4 model\(s\)/);
    expect(merge.stderr).toMatch(/dry run: nothing was written/);
    const prune = runCli(['fetch', '--provider', 'fal', '--from', file, '--dry-run', '--prune'], { cwd: root });
    expect(prune.status).toBe(0);
    expect(prune.stdout).toMatch(/fal: would remove 8 model\(s\): fal-ai\/amt-interpolation\/frame-interpolation, /);
    expect(prune.stdout).toMatch(/FAL: 12 → 4 models; 0 added, 8 removed/);
    expect(await projectFiles()).toEqual(before);
  });

  it('files with every category replace the snapshot, as before (a model gone from its category is removed)', async () => {
    const all = await categoryFile('text-to-image', 'image-to-video', 'speech-to-text', 'vision', 'image-to-3d', 'text-to-video', 'text-to-speech');
    const page = JSON.parse(await readFile(all, 'utf8')) as { models: Array<{ endpoint_id: string }> };
    page.models = page.models.filter((m) => m.endpoint_id !== 'fal-ai/diffusion-edge');
    await writeFile(all, JSON.stringify(page));
    const r = runCli(['fetch', '--provider', 'fal', '--from', all], { cwd: root });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/the files hold every category of the snapshot: 1 model\(s\) not in the files were removed/);
    expect(await ids()).not.toContain('fal-ai/diffusion-edge');
    expect(await ids()).toHaveLength(11);
  });

  it('--prune belongs to --from', () => {
    const r = runCli(['fetch', '--provider', 'fal', '--prune'], { cwd: root });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--prune applies to --from/);
  });
});

describe('api-hub fetch --dry-run (live)', () => {
  let api: FakeApi;
  afterEach(() => api.close());

  it('fetches, reports what would change, and writes nothing (not even a temp directory)', async () => {
    const fal = loadFalFixture();
    api = await falServer({ models: fal.models, prices: fal.prices, key: FAKE_FAL_KEY, pageSize: 7 }).start();
    const before = await projectFiles();
    const r = await runCliAsync(['fetch', '--provider', 'fal', '--dry-run'], { cwd: root, env: { FAL_API_BASE_URL: api.url, FAL_API_KEY: FAKE_FAL_KEY } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/fal: 30 models \(dry run\)/);
    expect(r.stderr).toMatch(/dry run: nothing was written/);
    expect(api.hits('/v1/models').length).toBeGreaterThan(0);
    expect(await projectFiles()).toEqual(before);
  });
});

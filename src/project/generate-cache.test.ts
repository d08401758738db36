import { mkdtemp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256 } from '../core/hash.js';
import { generateCacheKey, generatorVersion, readGenerateCache, writeGenerateCache, type GenerateCacheEntry } from './generate-cache.js';

const made: string[] = [];
afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));

/** An output directory with two files, and the entry that describes them. */
async function setup(): Promise<{ cacheDir: string; outDir: string; entry: GenerateCacheEntry }> {
  const dir = await mkdtemp(join(tmpdir(), 'api-hub-gen-cache-'));
  made.push(dir);
  const outDir = join(dir, 'generated');
  await mkdir(join(outDir, 'runtime'), { recursive: true });
  await writeFile(join(outDir, 'client.js'), 'export {};\n');
  await writeFile(join(outDir, 'runtime', 'hub.js'), 'export const hub = 1;\n');
  const entry: GenerateCacheEntry = {
    key: generateCacheKey(sha256('openapi: 3.1.0\n'), 'specs/openapi.yaml'),
    files: [
      { path: 'client.js', sha256: sha256('export {};\n') },
      { path: 'runtime/hub.js', sha256: sha256('export const hub = 1;\n') },
    ],
    diagnostics: [{ ruleId: 'generate-fal-endpoint', severity: 'warn', message: 'left out', pointer: '/paths' }],
    falEndpoints: 2,
    cometOperations: 3,
  };
  const cacheDir = join(dir, 'cache');
  await writeGenerateCache(cacheDir, outDir, entry);
  return { cacheDir, outDir, entry };
}

describe('generate result cache', () => {
  it('answers with the entry and the files when the output directory holds exactly its files', async () => {
    const { cacheDir, outDir, entry } = await setup();
    const hit = await readGenerateCache(cacheDir, outDir, entry.key);
    expect(hit?.entry).toEqual(entry);
    expect(Object.fromEntries(hit?.contents ?? [])).toEqual({ 'client.js': 'export {};\n', 'runtime/hub.js': 'export const hub = 1;\n' });
  });

  type Setup = Awaited<ReturnType<typeof setup>>;
  /** Each change returns the key to look up then (undefined: the entry's own). */
  const changes: Array<[string, (s: Setup) => Promise<string | undefined>]> = [
    ['another document', async () => generateCacheKey(sha256('openapi: 3.1.1\n'), 'specs/openapi.yaml')],
    ['another source name', async () => generateCacheKey(sha256('openapi: 3.1.0\n'), 'other.yaml')],
    ['a file edited by hand', async (s) => void (await writeFile(join(s.outDir, 'runtime', 'hub.js'), 'export const hub = 2;\n'))],
    ['a file removed', async (s) => void (await rm(join(s.outDir, 'client.js')))],
    ['an unreadable entry', async (s) => void (await writeEntries(s.cacheDir, '{not json'))],
  ];

  it.each(changes)('misses on %s', async (_name, change) => {
    const s = await setup();
    const key = (await change(s)) ?? s.entry.key;
    expect(await readGenerateCache(s.cacheDir, s.outDir, key)).toBeUndefined();
  });

  it('misses for another output directory', async () => {
    const s = await setup();
    expect(await readGenerateCache(s.cacheDir, join(s.outDir, '..', 'elsewhere'), s.entry.key)).toBeUndefined();
  });

  it('a cache directory that cannot be written is not an error', async () => {
    const s = await setup();
    const blocked = join(s.outDir, 'client.js', 'cache');
    await expect(writeGenerateCache(blocked, s.outDir, s.entry)).resolves.toBeUndefined();
  });

  it('the generator version is a hash of its code and packages, the same on every call', () => {
    expect(generatorVersion()).toMatch(/^[0-9a-f]{16}$/);
    expect(generatorVersion()).toBe(generatorVersion());
  });
});

async function writeEntries(cacheDir: string, text: string): Promise<void> {
  for (const name of await readdir(cacheDir)) await writeFile(join(cacheDir, name), text);
}

// `api-hub start` generates on a thread of its own (src/project/generate-thread.ts), from the JSON
// the build hands over. Its files must be the in-process generator's, byte for byte; a thread that
// fails must leave the caller to generate in-process (runGenerate's fallback), with the same files.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../src/generate/generate.js';
import { runGenerate } from '../src/project/generate-run.js';
import type * as ThreadModule from '../src/project/generate-thread.js';
import { projectRoot } from './helpers/cli.js';

// The compiled module: a worker runs JavaScript (vitest's globalSetup compiles dist/).
const { startGenerateThread } = (await import(pathToFileURL(join(projectRoot, 'dist/project/generate-thread.js')).href)) as typeof ThreadModule;
const indexJson = readFileSync(join(projectRoot, 'specs/openapi.index.json'), 'utf8');
const documentJson = JSON.stringify((JSON.parse(indexJson) as { document: unknown }).document);
const dir = mkdtempSync(join(tmpdir(), 'api-hub-gen-thread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the generate thread of api-hub start', () => {
  it('gives the in-process generator’s files for the committed document, byte for byte', async () => {
    const thread = startGenerateThread();
    expect(thread).toBeDefined();
    thread!.start({ json: documentJson, source: 'specs/openapi.yaml' });
    const [there, here] = await Promise.all([thread!.result(), generate(JSON.parse(documentJson), { source: 'specs/openapi.yaml' })]);
    thread!.stop();
    expect(there.files.map((f) => f.path)).toEqual(here.files.map((f) => f.path));
    for (const [i, f] of there.files.entries()) expect(f.contents === here.files[i]!.contents, f.path).toBe(true);
    expect(there.diagnostics).toEqual(here.diagnostics);
    // And they are the committed generated/ files.
    for (const f of there.files) expect(f.contents === (await readFile(join(projectRoot, 'generated', f.path), 'utf8')), f.path).toBe(true);
  }, 60_000);

  it('rejects with the reason when the thread cannot generate, and runGenerate then generates in-process', async () => {
    const thread = startGenerateThread()!;
    thread.start({ json: '{"openapi": "3.1.0", "paths": {', source: 'specs/openapi.yaml' });
    const reason = await thread.result().catch((e: unknown) => (e as Error).message);
    expect(reason).toMatch(/JSON/);
    thread.stop();

    const doc = { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {} };
    const failed = startGenerateThread()!;
    failed.start({ json: 'not json', source: 'x.yaml' });
    const run = await runGenerate(doc, { source: 'x.yaml', outDir: dir, check: false, produce: () => failed.result() });
    failed.stop();
    const want = await generate(doc, { source: 'x.yaml' });
    expect(run.result.files).toEqual(want.files);
    expect(readFileSync(join(dir, 'schema.d.ts'), 'utf8')).toBe(want.files.find((f) => f.path === 'schema.d.ts')!.contents);
  }, 60_000);

  it('a thread never given a document rejects instead of hanging', async () => {
    const thread = startGenerateThread()!;
    await expect(thread.result()).rejects.toThrow(/no document/);
    thread.cancel();
  });
});

import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './helpers/cli.js';
import { goldenDir } from './generate-helpers.js';

/** The hub's own runtime, gzipped; openapi-fetch (about 2.8 KB gzipped, minified) comes on top. */
const BUDGET_GZIP = 6 * 1024;

/** client.js and every runtime module, in path order: what a bundler ships. */
async function runtimeJs(dir: string): Promise<Array<{ path: string; text: string }>> {
  const names = (await readdir(join(dir, 'runtime'))).filter((n) => n.endsWith('.js')).sort();
  const paths = ['client.js', ...names.map((n) => `runtime/${n}`)];
  return Promise.all(paths.map(async (path) => ({ path, text: await readFile(join(dir, path), 'utf8') })));
}

describe('the generated runtime stays small', () => {
  it(`generated/runtime/*.js (the hub's own code, whatever the document) is under ${BUDGET_GZIP} bytes gzipped`, async () => {
    const files = (await runtimeJs(join(projectRoot, 'generated'))).filter((f) => f.path.startsWith('runtime/'));
    expect(files.length).toBeGreaterThan(5);
    const js = files.map((f) => f.text).join('\n');
    expect(gzipSync(js, { level: 9 }).length).toBeLessThan(BUDGET_GZIP);
  });

  it('holds no per-endpoint FAL data: 589 FAL models give the same runtime as the 2-model fixture, and client.js names none', async () => {
    const real = await runtimeJs(join(projectRoot, 'generated'));
    const fixture = await runtimeJs(goldenDir);
    const runtime = (files: Array<{ path: string; text: string }>) => files.filter((f) => f.path.startsWith('runtime/'));
    expect(runtime(real)).toEqual(runtime(fixture));
    // client.js carries only the document's Comet table (shortcuts, stream, task links).
    const client = real.find((f) => f.path === 'client.js')?.text ?? '';
    expect(client).not.toContain('fal-ai/');
    expect(client.length).toBeLessThan(16 * 1024);
  });
});

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
  it(`generated/client.js with generated/runtime/*.js is under ${BUDGET_GZIP} bytes gzipped`, async () => {
    const files = await runtimeJs(join(projectRoot, 'generated'));
    expect(files.length).toBeGreaterThan(5);
    const js = files.map((f) => f.text).join('\n');
    expect(gzipSync(js, { level: 9 }).length).toBeLessThan(BUDGET_GZIP);
  });

  it('holds no per-endpoint data: 589 FAL models give the same client.js and runtime as the 2-model fixture', async () => {
    const body = (text: string) => text.replace(/^\/\*\*[\s\S]*?\*\/\n/, '');
    const real = await runtimeJs(join(projectRoot, 'generated'));
    const fixture = await runtimeJs(goldenDir);
    expect(real.map((f) => [f.path, body(f.text)])).toEqual(fixture.map((f) => [f.path, body(f.text)]));
  });
});

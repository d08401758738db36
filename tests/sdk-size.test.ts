import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './helpers/cli.js';
import { goldenDir } from './generate-helpers.js';

/** The hub's own runtime, gzipped; openapi-fetch (about 2.8 KB gzipped, minified) comes on top. */
const BUDGET_GZIP = 6 * 1024;

describe('the generated runtime stays small', () => {
  it(`generated/client.js is under ${BUDGET_GZIP} bytes gzipped`, async () => {
    const js = await readFile(join(projectRoot, 'generated', 'client.js'));
    expect(gzipSync(js, { level: 9 }).length).toBeLessThan(BUDGET_GZIP);
  });

  it('holds no per-endpoint data: 589 FAL models give the same client.js as the 2-model fixture', async () => {
    const body = (text: string) => text.replace(/^\/\*\*[\s\S]*?\*\/\n/, '');
    const real = await readFile(join(projectRoot, 'generated', 'client.js'), 'utf8');
    const fixture = await readFile(join(goldenDir, 'client.js'), 'utf8');
    expect(body(real)).toBe(body(fixture));
  });
});

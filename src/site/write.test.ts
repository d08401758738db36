import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HubError } from '../core/errors.js';
import { SITE_MARKER, writeSite } from './write.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'api-hub-site-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeSite', () => {
  it('writes the files and the marker, and replaces a site it wrote before as a whole', async () => {
    const out = join(dir, 'site');
    await writeSite(
      out,
      [
        { path: 'index.html', content: 'one' },
        { path: 'models/fal/a.html', content: 'a' },
      ],
      [{ path: 'openapi.yaml', content: 'doc' }],
    );
    expect((await readdir(out)).sort()).toEqual([SITE_MARKER, 'index.html', 'models', 'openapi.yaml']);
    await writeSite(out, [{ path: 'index.html', content: 'two' }]);
    expect((await readdir(out)).sort()).toEqual([SITE_MARKER, 'index.html']);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('two');
    expect((await readdir(dir)).sort()).toEqual(['site']);
  });

  it('refuses a non-empty folder it did not write, and leaves it as it was', async () => {
    const out = join(dir, 'src');
    await mkdir(out);
    await writeFile(join(out, 'main.ts'), 'keep me');
    await expect(writeSite(out, [{ path: 'index.html', content: 'x' }])).rejects.toThrow(HubError);
    await expect(writeSite(out, [{ path: 'index.html', content: 'x' }])).rejects.toThrow(/not a site written by api-hub docs/);
    expect(await readdir(out)).toEqual(['main.ts']);
    expect((await readdir(dir)).sort()).toEqual(['src']);
  });

  it('writes into an empty folder', async () => {
    const out = join(dir, 'empty');
    await mkdir(out);
    await writeSite(out, [{ path: 'index.html', content: 'x' }]);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('x');
  });
});

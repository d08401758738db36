import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confinePath } from './confine.js';

describe('confinePath', () => {
  let base: string;
  let root: string;
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'api-hub-confine-'));
    root = join(base, 'project');
    await mkdir(join(root, 'specs'), { recursive: true });
    await writeFile(join(root, 'specs', 'a.yaml'), 'openapi: 3.1.0\n');
    await writeFile(join(base, 'secret.yaml'), 'secret\n');
    await symlink(join(base, 'secret.yaml'), join(root, 'specs', 'escape.yaml'));
    await symlink(base, join(root, 'outside-dir'));
    await writeFile(join(root, '.env'), 'FAL_KEY=not-a-real-key\n');
    await symlink(join(root, '.env'), join(root, 'specs', 'env-link.yaml'));
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  const allowed: Array<[string, string]> = [
    ['a relative path', 'specs/a.yaml'],
    ['a path that goes up and back in', 'specs/../specs/a.yaml'],
    ['a file that does not exist yet', 'specs/new.yaml'],
  ];
  it.each(allowed)('accepts %s', async (_n, input) => {
    const r = await confinePath(root, input);
    expect(r.ok).toBe(true);
  });

  it('accepts an absolute path inside the root', async () => {
    const r = await confinePath(root, join(root, 'specs', 'a.yaml'));
    expect(r).toEqual({ ok: true, path: join(root, 'specs', 'a.yaml'), display: 'specs/a.yaml' });
  });

  const refused: Array<[string, string, RegExp]> = [
    ['../ out of the root', '../secret.yaml', /leaves the project root/],
    ['../ hidden in the middle', 'specs/../../secret.yaml', /leaves the project root/],
    ['an absolute path outside', '/etc/passwd', /absolute path outside the project root/],
    ['a symlink to a file outside', 'specs/escape.yaml', /symbolic link/],
    ['a path through a symlinked directory outside', 'outside-dir/secret.yaml', /symbolic link/],
    ['a missing file under a symlinked directory outside', 'outside-dir/nope.yaml', /symbolic link/],
    ['a URL', 'https://example.com/openapi.yaml', /URL/],
    ['an empty path', '  ', /empty/],
    ['a NUL byte', 'specs/a.yaml\0.txt', /NUL/],
  ];
  it.each(refused)('refuses %s', async (_n, input, why) => {
    const r = await confinePath(root, input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toMatch(why);
      expect(r.message).toContain('must stay inside the project root');
    }
  });

  it('refuses the absolute form of a path outside even when it exists', async () => {
    const r = await confinePath(root, join(base, 'secret.yaml'));
    expect(r.ok).toBe(false);
  });

  const notData: Array<[string, string, RegExp]> = [
    ['.env', '.env', /is a \.env file: this server never reads dotfiles or \.env\* files/],
    ['.env.local', '.env.local', /is a \.env file/],
    ['a .env deeper down', 'specs/.env.production', /is a \.env file/],
    ['a dot-directory', '.git/config.json', /dot-directory \(\.git\)/],
    ['a dotfile that looks like data', 'specs/.secrets.yaml', /dotfile/],
    ['a symlink with a .yaml name to .env', 'specs/env-link.yaml', /is a \.env file/],
    ['a file that is neither OpenAPI nor registry', 'README.md', /not an OpenAPI or registry file/],
  ];
  it.each(notData)('refuses %s with a clear error', async (_n, input, why) => {
    const r = await confinePath(root, input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toMatch(why);
      expect(r.message).not.toContain('not-a-real-key');
    }
  });
});

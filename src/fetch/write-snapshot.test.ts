import { describe, it, expect, afterEach } from 'vitest';
import { mkdtemp, readFile, readdir, rm, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSnapshotDir, recoverInterruptedSwap } from './write-snapshot.js';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('writeSnapshotDir', () => {
  it('replaces the directory with exactly the new files and reports the change', async () => {
    dir = await mkdtemp(join(tmpdir(), 'snap-'));
    const target = join(dir, 'fal');
    await writeSnapshotDir(target, new Map([['a.json', '1'], ['sub/b.json', '2']]));
    const change = await writeSnapshotDir(target, new Map([['a.json', '1'], ['c.json', '3']]));
    expect(change).toEqual({ added: ['c.json'], removed: ['sub/b.json'], changed: [], unchanged: 1 });
    expect((await readdir(target)).sort()).toEqual(['a.json', 'c.json']);
    expect((await readdir(dir)).sort()).toEqual(['fal']); // no temp or old dirs left behind
  });

  it('leaves the old snapshot untouched when writing fails', async () => {
    dir = await mkdtemp(join(tmpdir(), 'snap-'));
    const target = join(dir, 'fal');
    await writeSnapshotDir(target, new Map([['a.json', 'old']]));
    // A file path that cannot be created (a path component is an existing file) makes the write fail midway.
    await expect(writeSnapshotDir(target, new Map([['x.json', 'new'], ['x.json/inner', 'boom']]))).rejects.toThrow();
    expect(await readFile(join(target, 'a.json'), 'utf8')).toBe('old');
    expect((await readdir(dir)).sort()).toEqual(['fal']);
  });

  it('restores the old snapshot when a previous run died between its two renames', async () => {
    dir = await mkdtemp(join(tmpdir(), 'snap-'));
    await mkdir(join(dir, '.fal.old-123-abcd'), { recursive: true });
    await writeFile(join(dir, '.fal.old-123-abcd', 'a.json'), 'kept');
    await mkdir(join(dir, '.fal.tmp-123-abcd'), { recursive: true });
    await recoverInterruptedSwap(join(dir, 'fal'));
    expect(await readFile(join(dir, 'fal', 'a.json'), 'utf8')).toBe('kept');
    expect((await readdir(dir)).sort()).toEqual(['fal']);
  });
});

import { describe, it, expect, afterEach } from 'vitest';
import { mkdtemp, readFile, readdir, rm, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSnapshotDir, recoverInterruptedSwap, SnapshotStage } from './write-snapshot.js';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('writeSnapshotDir', () => {
  it('replaces the directory with exactly the new files and reports the change', async () => {
    dir = await mkdtemp(join(tmpdir(), 'snap-'));
    const target = join(dir, 'fal');
    await writeSnapshotDir(
      target,
      new Map([
        ['a.json', '1'],
        ['sub/b.json', '2'],
      ]),
    );
    const change = await writeSnapshotDir(
      target,
      new Map([
        ['a.json', '1'],
        ['c.json', '3'],
      ]),
    );
    expect(change).toEqual({ added: ['c.json'], removed: ['sub/b.json'], changed: [], unchanged: 1 });
    expect((await readdir(target)).sort()).toEqual(['a.json', 'c.json']);
    expect((await readdir(dir)).sort()).toEqual(['fal']); // no temp or old dirs left behind
  });

  it('leaves the old snapshot untouched when writing fails', async () => {
    dir = await mkdtemp(join(tmpdir(), 'snap-'));
    const target = join(dir, 'fal');
    await writeSnapshotDir(target, new Map([['a.json', 'old']]));
    // A file path that cannot be created (a path component is an existing file) makes the write fail midway.
    await expect(
      writeSnapshotDir(
        target,
        new Map([
          ['x.json', 'new'],
          ['x.json/inner', 'boom'],
        ]),
      ),
    ).rejects.toThrow();
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

describe('SnapshotStage', () => {
  it('commits exactly the final files, whatever was staged before', async () => {
    dir = await mkdtemp(join(tmpdir(), 'snap-'));
    const target = join(dir, 'fal');
    await writeSnapshotDir(
      target,
      new Map([
        ['a.json', 'old'],
        ['gone.json', 'x'],
      ]),
    );
    const stage = await SnapshotStage.open(target);
    stage.stage('openapi/a.json', 'staged');
    stage.stage('openapi/dropped.json', 'not in the final set');
    stage.stage('openapi/twice.json', 'first');
    stage.stage('openapi/twice.json', 'second');
    // While staged, the old snapshot is untouched.
    expect((await readdir(target)).sort()).toEqual(['a.json', 'gone.json']);
    const change = await stage.commit(
      new Map([
        ['a.json', 'new'],
        ['openapi/a.json', 'staged'],
        ['openapi/twice.json', 'final'],
        ['models.json', 'm'],
      ]),
    );
    expect(change).toEqual({ added: ['models.json', 'openapi/a.json', 'openapi/twice.json'], removed: ['gone.json'], changed: ['a.json'], unchanged: 0 });
    expect((await readdir(join(target, 'openapi'))).sort()).toEqual(['a.json', 'twice.json']);
    expect(await readFile(join(target, 'openapi/twice.json'), 'utf8')).toBe('final');
    expect(await readFile(join(target, 'a.json'), 'utf8')).toBe('new');
    expect((await readdir(dir)).sort()).toEqual(['fal']);
  });

  it('discard leaves the old snapshot as it was and no temp directory', async () => {
    dir = await mkdtemp(join(tmpdir(), 'snap-'));
    const target = join(dir, 'fal');
    await writeSnapshotDir(target, new Map([['a.json', 'old']]));
    const stage = await SnapshotStage.open(target);
    stage.stage('a.json', 'new');
    stage.stage('openapi/b.json', 'new');
    expect((await readdir(dir)).length).toBe(2); // the snapshot and the temp directory
    await stage.discard();
    expect((await readdir(dir)).sort()).toEqual(['fal']);
    expect((await readdir(target)).sort()).toEqual(['a.json']);
    expect(await readFile(join(target, 'a.json'), 'utf8')).toBe('old');
  });
});

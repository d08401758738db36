import { mkdir, rename, rm, writeFile, readdir, readFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { randomBytes } from 'node:crypto';
import pLimit from 'p-limit';
import { exists } from '../core/fs.js';

const IO_PARALLELISM = 16;

export interface SnapshotChange {
  added: string[];
  removed: string[];
  changed: string[];
  unchanged: number;
}

/**
 * Replace the directory `target` with exactly `files`, all or nothing.
 *
 * Everything is written into a sibling temp directory first, then swapped in
 * with two renames (old -> .old, temp -> target). A crash or Ctrl-C before the
 * swap leaves the old snapshot untouched; `recoverInterruptedSwap` restores it
 * if the process died between the two renames.
 */
export async function writeSnapshotDir(target: string, files: ReadonlyMap<string, string>): Promise<SnapshotChange> {
  await recoverInterruptedSwap(target);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const tmp = join(parent, `.${basename(target)}.tmp-${suffix}`);
  const old = join(parent, `.${basename(target)}.old-${suffix}`);
  const before = await readTree(target);
  try {
    const sorted = [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const dir of new Set(sorted.map(([rel]) => dirname(join(tmp, rel))))) await mkdir(dir, { recursive: true });
    // Many small files (one OpenAPI document per model): write them a few at a time, not one by one.
    const io = pLimit(IO_PARALLELISM);
    await Promise.all(sorted.map(([rel, content]) => io(() => writeFile(join(tmp, rel), content))));
    const hadTarget = await exists(target);
    if (hadTarget) await rename(target, old);
    await rename(tmp, target);
    if (hadTarget) await rm(old, { recursive: true, force: true });
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
  const change: SnapshotChange = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const [rel, content] of files) {
    const prev = before.get(rel);
    if (prev === undefined) change.added.push(rel);
    else if (prev !== content) change.changed.push(rel);
    else change.unchanged++;
  }
  for (const rel of before.keys()) if (!files.has(rel)) change.removed.push(rel);
  for (const list of [change.added, change.removed, change.changed]) list.sort();
  return change;
}

/** If a previous run died between its two renames, put the old snapshot back and drop temp dirs. */
export async function recoverInterruptedSwap(target: string): Promise<void> {
  const parent = dirname(target);
  const name = basename(target);
  let entries: string[];
  try {
    entries = await readdir(parent);
  } catch {
    return;
  }
  const olds = entries.filter((e) => e.startsWith(`.${name}.old-`)).sort();
  const tmps = entries.filter((e) => e.startsWith(`.${name}.tmp-`));
  if (!(await exists(target)) && olds.length > 0) {
    await rename(join(parent, olds[olds.length - 1]!), target);
    olds.pop();
  }
  for (const e of [...olds, ...tmps]) await rm(join(parent, e), { recursive: true, force: true });
}

async function readTree(dir: string): Promise<Map<string, string>> {
  const files: string[] = [];
  async function walk(rel: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(join(dir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(r);
      else if (e.isFile()) files.push(r);
    }
  }
  await walk('');
  const io = pLimit(IO_PARALLELISM);
  const contents = await Promise.all(files.map((r) => io(() => readFile(join(dir, r), 'utf8'))));
  return new Map(files.map((r, i) => [r, contents[i]!] as const));
}

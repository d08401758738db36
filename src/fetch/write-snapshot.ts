import { mkdir, rename, rm, readdir } from 'node:fs/promises';
import { mkdirSync, readFileSync, rmSync, writeFileSync, type Dirent } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { randomBytes } from 'node:crypto';
import { exists } from '../core/fs.js';

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
  const stage = await SnapshotStage.open(target);
  return stage.commit(files);
}

/** What replacing `target` with `files` would change, without writing anything (`fetch --dry-run`). */
export async function previewSnapshotDir(target: string, files: ReadonlyMap<string, string>): Promise<SnapshotChange> {
  return compareTrees(await readTree(target), files);
}

function compareTrees(before: ReadonlyMap<string, string>, files: ReadonlyMap<string, string>): SnapshotChange {
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

/**
 * A snapshot being put together in a temp directory beside `target`. Files can
 * be staged while the data still arrives (the live fetch writes each model's
 * document as its page comes in, while it waits for the next one); `commit`
 * then writes what is still missing, removes what was staged but is not part of
 * the final set, and swaps the directory in. Until then the old snapshot is
 * untouched; `discard` (or the next run's `recoverInterruptedSwap`) removes the
 * temp directory.
 */
export class SnapshotStage {
  private readonly staged = new Map<string, string>();
  private readonly madeDirs = new Set<string>();

  private constructor(
    private readonly target: string,
    private readonly tmp: string,
    private readonly old: string,
    /** The previous snapshot's files, read while the new one is staged. */
    private readonly before: Promise<Map<string, string>>,
  ) {}

  static async open(target: string): Promise<SnapshotStage> {
    await recoverInterruptedSwap(target);
    const parent = dirname(target);
    const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
    const tmp = join(parent, `.${basename(target)}.tmp-${suffix}`);
    await mkdir(tmp, { recursive: true });
    const before = readTree(target);
    before.catch(() => undefined); // awaited in commit()
    return new SnapshotStage(target, tmp, join(parent, `.${basename(target)}.old-${suffix}`), before);
  }

  /**
   * Write one file into the temp directory now. Synchronous on purpose: a page's
   * few dozen small files take milliseconds that way, while a promise-based write
   * costs several thread-pool round trips per file (5-10x slower in total).
   */
  stage(rel: string, content: string): void {
    if (this.staged.get(rel) === content) return;
    this.mkdirFor(rel);
    writeFileSync(join(this.tmp, rel), content);
    this.staged.set(rel, content);
  }

  async commit(files: ReadonlyMap<string, string>): Promise<SnapshotChange> {
    let before: Map<string, string>;
    try {
      // Files staged for a model that the final set does not have.
      for (const rel of this.staged.keys()) if (!files.has(rel)) rmSync(join(this.tmp, rel), { force: true });
      const sorted = [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [rel, content] of sorted) this.stage(rel, content);
      before = await this.before;
      const hadTarget = await exists(this.target);
      if (hadTarget) await rename(this.target, this.old);
      await rename(this.tmp, this.target);
      if (hadTarget) await rm(this.old, { recursive: true, force: true });
    } catch (err) {
      await rm(this.tmp, { recursive: true, force: true });
      throw err;
    }
    return compareTrees(before, files);
  }

  /** The previous snapshot's files (path -> text), as read when the stage was opened: what the drift report compares with. */
  previous(): Promise<Map<string, string>> {
    return this.before;
  }

  /** Drop the temp directory; the old snapshot stays as it was. */
  async discard(): Promise<void> {
    await this.before.catch(() => undefined);
    await rm(this.tmp, { recursive: true, force: true });
  }

  private mkdirFor(rel: string): void {
    const dir = dirname(join(this.tmp, rel));
    if (dir === this.tmp || this.madeDirs.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.madeDirs.add(dir);
  }
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

export async function readTree(dir: string): Promise<Map<string, string>> {
  const files: string[] = [];
  async function walk(rel: string): Promise<void> {
    let entries: Dirent[];
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
  // Synchronous, as the writes: hundreds of small files.
  return new Map(files.map((r) => [r, readFileSync(join(dir, r), 'utf8')] as const));
}

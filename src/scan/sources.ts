import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HubError } from '../core/errors.js';

/** A text to scan: a file's content, or the lines a commit added to it. */
export interface ScanSource {
  /** Repository path, `/` separators. */
  file: string;
  text: string;
  /** For added lines only: the file's line number of each line of `text` (1-based). */
  lineNumbers?: number[];
  commit?: string;
}

const MAX_BUFFER = 1024 * 1024 * 1024;

function git(root: string, args: string[], input?: string): Buffer {
  const r = spawnSync('git', ['-c', 'core.quotePath=false', ...args], { cwd: root, input, maxBuffer: MAX_BUFFER });
  if (r.error) throw new HubError(`git ${args[0] ?? ''}: ${r.error.message}`);
  if (r.status !== 0) throw new HubError(`git ${args.join(' ')}: ${r.stderr.toString('utf8').trim() || `exit ${r.status}`}`);
  return r.stdout;
}

/** The top of the git work tree at or above `dir`, or undefined outside one. */
export function gitTop(dir: string): string | undefined {
  const r = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

const nulList = (b: Buffer): string[] => b.toString('utf8').split('\0').filter(Boolean);

/**
 * The staged content (the index) of every file added, copied, modified or
 * renamed in the next commit, read in one `git cat-file --batch`.
 */
export function stagedSources(top: string): ScanSource[] {
  const files = nulList(git(top, ['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR', '--no-renames']));
  if (files.length === 0) return [];
  const out = git(top, ['cat-file', '--batch'], files.map((f) => `:${f}\n`).join(''));
  const sources: ScanSource[] = [];
  let at = 0;
  for (const file of files) {
    const nl = out.indexOf(10, at);
    const header = out.subarray(at, nl).toString('utf8');
    at = nl + 1;
    const m = /^\S+ (\w+) (\d+)$/.exec(header);
    if (!m) continue; // missing (a submodule, an intent-to-add entry)
    const size = Number(m[2]);
    if (m[1] === 'blob') sources.push({ file, text: out.subarray(at, at + size).toString('utf8') });
    at += size + 1;
  }
  return sources;
}

/**
 * Files in the working tree: the tracked and untracked-but-not-ignored files
 * under `paths` (all of the work tree when empty), as git lists them.
 */
export async function workTreeSources(top: string, paths: readonly string[]): Promise<ScanSource[]> {
  const files = nulList(git(top, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate', '--', ...paths]));
  const sources: ScanSource[] = [];
  for (const file of files) {
    const text = await readFile(join(top, file), 'utf8').catch(() => undefined); // deleted but still in the index, or a directory (submodule)
    if (text !== undefined) sources.push({ file, text });
  }
  return sources;
}

function unquote(path: string): string {
  if (!path.startsWith('"')) return path;
  try {
    return JSON.parse(path) as string;
  } catch {
    return path.slice(1, -1);
  }
}

/**
 * The lines each commit in `rev..HEAD` added, file by file (`git log -p -U0`):
 * a secret that was added and removed later in the range is still found.
 */
export function historySources(top: string, rev: string, paths: readonly string[] = []): ScanSource[] {
  git(top, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  const text = git(top, ['log', '-p', '-U0', '--no-color', '--no-ext-diff', '--no-renames', '--format=commit %H', `${rev}..HEAD`, '--', ...paths]).toString(
    'utf8',
  );
  const sources: ScanSource[] = [];
  let commit = '';
  let current: { file: string; lines: string[]; numbers: number[] } | undefined;
  let next = 0;
  let inHunk = false;
  const flush = (): void => {
    if (current && (current.lines.length > 0 || current.file))
      sources.push({ file: current.file, text: current.lines.join('\n'), lineNumbers: current.numbers, commit });
    current = undefined;
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('commit ')) {
      flush();
      commit = line.slice(7, 47);
      inHunk = false;
    } else if (line.startsWith('diff --git ')) {
      flush();
      inHunk = false;
    } else if (!inHunk && line.startsWith('+++ ')) {
      const p = line.slice(4);
      if (p !== '/dev/null') current = { file: unquote(p).replace(/^"?b\//, ''), lines: [], numbers: [] };
    } else if (line.startsWith('@@ ')) {
      const m = /^@@ -\d+(?:,\d+)? \+(\d+)/.exec(line);
      next = m ? Number(m[1]) : 0;
      inHunk = true;
    } else if (inHunk && line.startsWith('+') && current) {
      current.lines.push(line.slice(1));
      current.numbers.push(next++);
    }
  }
  flush();
  return sources;
}

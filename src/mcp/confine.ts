import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { isInside } from '../core/paths.js';

export type Confined = { ok: true; path: string; display: string } | { ok: false; message: string };

/**
 * A file path given to a tool, confined to the project root: relative paths
 * are taken from the root; `..` that leaves it, absolute paths elsewhere, and
 * symlinks that lead out of it are refused. The file need not exist yet (a
 * missing file is the caller's "not found", not a confinement error).
 */
export async function confinePath(root: string, input: string): Promise<Confined> {
  const refuse = (why: string): Confined => ({
    ok: false,
    message: `${JSON.stringify(input)} ${why}. File paths given to this server must stay inside the project root (${root}); give a path relative to it, such as specs/openapi.yaml.`,
  });
  if (input.trim() === '') return refuse('is empty');
  if (input.includes('\0')) return refuse('contains a NUL byte');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) return refuse('is a URL, not a file path');
  const abs = resolve(root, input);
  if (!isInside(root, abs)) return refuse(isAbsolute(input) ? 'is an absolute path outside the project root' : 'leaves the project root');
  // Follow symlinks (of the file, or of the nearest existing parent) and check again.
  const realRoot = await realpath(root).catch(() => root);
  let probe = abs;
  for (;;) {
    const real = await realpath(probe).catch(() => undefined);
    if (real !== undefined) {
      if (!isInside(realRoot, real)) return refuse('leads outside the project root through a symbolic link');
      break;
    }
    const parent = resolve(probe, '..');
    if (parent === probe) break;
    probe = parent;
  }
  return { ok: true, path: abs, display: relative(root, abs).split(sep).join('/') || '.' };
}

import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { isInside } from '../core/paths.js';

export type Confined = { ok: true; path: string; display: string } | { ok: false; message: string };

/** What the tools read: OpenAPI documents and registry/catalog files. */
const DATA_FILE = /\.(?:ya?ml|json)$/i;

/** A dotfile or a path through a dot-directory (.env, .env.local, .git/config, .secrets/x.json …). */
function dotSegment(rel: string): string | undefined {
  return rel.split(/[\\/]/).find((seg) => seg.startsWith('.') && seg !== '.' && seg !== '..');
}

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
  const dot = dotSegment(relative(root, abs));
  if (dot !== undefined) return refuseDot(input, dot);
  // A directory is let through: the caller answers "is not a file".
  if (
    !DATA_FILE.test(abs) &&
    !(await stat(abs)
      .then((st) => st.isDirectory())
      .catch(() => false))
  ) {
    return {
      ok: false,
      message: `${JSON.stringify(input)} is not an OpenAPI or registry file: this server reads only .yaml, .yml and .json files inside the project, such as specs/openapi.yaml or data/model_registry.json.`,
    };
  }
  // Follow symlinks (of the file, or of the nearest existing parent) and check again.
  const realRoot = await realpath(root).catch(() => root);
  let probe = abs;
  for (;;) {
    const real = await realpath(probe).catch(() => undefined);
    if (real !== undefined) {
      if (!isInside(realRoot, real)) return refuse('leads outside the project root through a symbolic link');
      const realDot = dotSegment(relative(realRoot, real));
      if (realDot !== undefined) return refuseDot(input, realDot);
      if (
        real !== realRoot &&
        probe === abs &&
        !DATA_FILE.test(real) &&
        !(await stat(real)
          .then((st) => st.isDirectory())
          .catch(() => false))
      )
        return {
          ok: false,
          message: `${JSON.stringify(input)} leads through a symbolic link to a file that is not an OpenAPI or registry file (.yaml, .yml, .json).`,
        };
      break;
    }
    const parent = resolve(probe, '..');
    if (parent === probe) break;
    probe = parent;
  }
  return { ok: true, path: abs, display: relative(root, abs).split(sep).join('/') || '.' };
}

function refuseDot(input: string, segment: string): Confined {
  const env = /^\.env(?:\..*)?$/i.test(segment);
  return {
    ok: false,
    message: `${JSON.stringify(input)} is ${env ? 'a .env file' : `a dotfile or inside a dot-directory (${segment})`}: this server never reads dotfiles or .env* files, which hold keys and local settings. Give an OpenAPI or registry file such as specs/openapi.yaml.`,
  };
}

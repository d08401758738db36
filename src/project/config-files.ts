import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** `api-hub.config.yaml` and the names it may also have, looked for in this order. */
export const HUB_CONFIG_FILE_NAMES = ['api-hub.config.yaml', 'api-hub.config.yml', 'api-hub.config.json'] as const;
/** Redocly's config file names: the lint rules are read from the same file Redocly reads. */
export const LINT_CONFIG_FILE_NAMES = ['redocly.yaml', 'redocly.yml', '.redocly.yaml', '.redocly.yml'] as const;
/** The baseline of known problems, beside the lint config (or at the root). */
export const IGNORE_FILE_NAME = '.api-hub-ignore.yaml';

/** Where the project's configuration files are (absolute paths); nothing is read or parsed. */
export interface ConfigFiles {
  root: string;
  /** `api-hub.config.yaml` (or .yml/.json) at the root, when there is one. */
  hub?: string;
  /** `redocly.yaml` at the root or the nearest parent, when there is one. */
  lint?: string;
  /** The ignore file's default place (it need not exist); `x-api-hub.ignoreFile` in the lint config moves it. */
  ignore: string;
}

/**
 * Find the configuration of the project rooted at `root`, without reading any
 * file: cheap enough for the cache-hit path of `api-hub validate`. A file that
 * exists but cannot be read is still returned, so that loading says why.
 */
export function findConfigFiles(root: string, overrides: { lint?: string; ignore?: string } = {}): ConfigFiles {
  const abs = resolve(root);
  const hub = HUB_CONFIG_FILE_NAMES.map((n) => join(abs, n)).find(exists);
  const lint = overrides.lint !== undefined ? resolve(abs, overrides.lint) : findUp(abs, LINT_CONFIG_FILE_NAMES);
  const ignore = overrides.ignore !== undefined ? resolve(abs, overrides.ignore) : join(lint ? dirname(lint) : abs, IGNORE_FILE_NAME);
  return { root: abs, ...(hub ? { hub } : {}), ...(lint ? { lint } : {}), ignore };
}

/** The first of `names` in `dir` or a parent directory. */
export function findUp(dir: string, names: readonly string[]): string | undefined {
  let d = resolve(dir);
  for (;;) {
    const hit = names.map((n) => join(d, n)).find(exists);
    if (hit) return hit;
    const up = dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch (err) {
    // There but unreadable (EACCES…): let the loader say why.
    return (err as NodeJS.ErrnoException).code !== 'ENOENT' && existsSync(dirname(path));
  }
}

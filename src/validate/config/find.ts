import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAMES } from './config.js';

/**
 * The first Redocly config file (`redocly.yaml`, ...) in `dir` or a parent
 * directory. Light on purpose (no YAML parser): the CLI calls it before it
 * knows whether the result cache already has the answer.
 */
export function findConfigFile(dir: string): string | undefined {
  let d = resolve(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const p = join(d, name);
      if (existsSync(p)) return p;
    }
    const up = dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

/** What marks a project's folder: its Redocly config, its package.json, or its git checkout. */
const PROJECT_MARKERS = [...CONFIG_FILE_NAMES, 'package.json', '.git'];

/**
 * The project a file belongs to: the nearest folder at or above `dir` that holds a
 * redocly.yaml, a package.json or .git; undefined when there is none. The CLI's `$ref`
 * boundary, whatever the working directory.
 */
export function findProjectRoot(dir: string): string | undefined {
  let d = resolve(dir);
  for (;;) {
    for (const name of PROJECT_MARKERS) if (existsSync(join(d, name))) return d;
    const up = dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

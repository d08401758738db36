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

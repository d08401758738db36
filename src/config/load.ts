import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { displayPath } from '../core/paths.js';
import { parseText } from '../core/parse.js';
import { CONFIG_FILE_NAMES, createConfig } from './config.js';
import type { ConfigResult } from './config.js';

/** `<root>/api-hub.config.yaml` (or `.yml`, `.json`), or undefined when there is none. */
export async function findConfig(root: string): Promise<string | undefined> {
  for (const name of CONFIG_FILE_NAMES) {
    const path = join(root, name);
    try {
      await stat(path);
      return path;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return path; // there but unreadable: loadConfig says why
    }
  }
  return undefined;
}

/** Read and check one config file. Problems (unreadable, unparseable, wrong values) are diagnostics. */
export async function loadConfig(path: string, root: string): Promise<ConfigResult> {
  const display = displayPath(root, path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const { config } = createConfig(undefined, display);
    return { config, diagnostics: [{ ruleId: 'config-unreadable', severity: 'error', message: `cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, file: display }] };
  }
  const parsed = parseText(text, display);
  if (!parsed.ok) return { config: createConfig(undefined, display).config, diagnostics: [parsed.problem] };
  return createConfig(parsed.value.data, display);
}

/** The project's configuration: the file when it exists, the defaults otherwise. */
export async function loadProjectConfig(root: string): Promise<ConfigResult> {
  const path = await findConfig(root);
  return path === undefined ? createConfig(undefined) : loadConfig(path, root);
}

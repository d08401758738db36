import type { GeneratedFile } from './generate.js';

export interface StaleFile {
  path: string;
  reason: 'missing' | 'differs';
}

/**
 * `generate --check`: which generated files differ from what is on disk.
 * `onDisk` maps a generated path to the current contents, or undefined when
 * the file does not exist. Extra files in the output directory are ignored.
 */
export function findStaleFiles(expected: readonly GeneratedFile[], onDisk: ReadonlyMap<string, string | undefined>): StaleFile[] {
  const stale: StaleFile[] = [];
  for (const file of expected) {
    const current = onDisk.get(file.path);
    if (current === undefined) stale.push({ path: file.path, reason: 'missing' });
    else if (current !== file.contents) stale.push({ path: file.path, reason: 'differs' });
  }
  return stale;
}

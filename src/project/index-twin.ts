import { readFile } from 'node:fs/promises';
import { sha256 } from '../core/hash.js';
import type { Twin } from '../validate/load.js';

/**
 * The parsed twin of a built YAML document: `specs/openapi.index.json` beside `specs/openapi.yaml`,
 * which the build writes from the same object with the YAML's sha256 (normalize/serialize.ts). When
 * the hash matches the text read, the validator takes the index's document instead of parsing the
 * YAML again: JSON.parse reads it several times faster. Any other file, or a YAML edited since the
 * build, is parsed as usual. tests/index-twin.test.ts checks that the twin equals the parsed YAML.
 */
export async function indexTwin(path: string, text: string): Promise<Twin | undefined> {
  if (!/\.ya?ml$/i.test(path)) return undefined;
  let json: string;
  try {
    json = await readFile(path.replace(/\.ya?ml$/i, '.index.json'), 'utf8');
  } catch {
    return undefined;
  }
  // The hash sits at the start of the index: check it before parsing megabytes.
  const head = /^\{"source":\{"file":"[^"]*","sha256":"([0-9a-f]{64})"\}/.exec(json.slice(0, 600));
  if (!head || head[1] !== sha256(text)) return undefined;
  try {
    const index = JSON.parse(json) as { document?: unknown };
    if (index.document === null || typeof index.document !== 'object') return undefined;
    return { data: index.document, json, member: 'document' };
  } catch {
    return undefined;
  }
}

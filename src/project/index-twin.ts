import { readFile } from 'node:fs/promises';
import { sha256 } from '../core/hash.js';
import type { Twin, TwinBytes } from '../validate/load.js';

/**
 * The parsed twin of a built YAML document: `specs/openapi.index.json` beside `specs/openapi.yaml`,
 * which the build writes from the same object with the YAML's sha256 (normalize/serialize.ts). When
 * the hash matches the text read, the validator takes the index's document instead of parsing the
 * YAML again: JSON.parse reads it several times faster. Any other file, or a YAML edited since the
 * build, is parsed as usual. tests/index-twin.test.ts checks that the twin equals the parsed YAML.
 */
export async function indexTwin(path: string, text: string, textBytes?: Uint8Array, read?: (twin: TwinBytes) => void): Promise<Twin | undefined> {
  if (!/\.ya?ml$/i.test(path)) return undefined;
  let bytes: Buffer;
  try {
    bytes = await readFile(path.replace(/\.ya?ml$/i, '.index.json'));
  } catch {
    return undefined;
  }
  // The hash sits in the first 600 characters of the index (at most 2,400 bytes): check it before decoding and parsing megabytes
  // (and before `read` has the second thread parse them).
  const head = /^\{"source":\{"file":"[^"]*","sha256":"([0-9a-f]{64})"\}/.exec(bytes.subarray(0, 2400).toString('utf8').slice(0, 600));
  // The text is the UTF-8 of its bytes (checked when read): hashing them spares encoding the text again.
  if (!head || head[1] !== sha256(textBytes ?? text)) return undefined;
  read?.({ bytes, member: 'document' });
  const json = bytes.toString('utf8');
  try {
    const index = JSON.parse(json) as { document?: unknown };
    if (index.document === null || typeof index.document !== 'object') return undefined;
    return { data: index.document, json, member: 'document', bytes };
  } catch {
    return undefined;
  }
}

import { nodeFileReader, type FileReader } from '../validate/io.js';
import type { Twin } from '../validate/load.js';
import type { RunBuildResult } from './build-run.js';

/**
 * What `api-hub start` validates the document it just built from, without reading back
 * what it wrote: the YAML text the build wrote to `unifiedPath` (other files from disk),
 * and, as that text's parsed twin, the build's document with the JSON index text (which
 * the structural-check thread parses). The same verdict as validating the files on disk
 * (tests/same-verdict.test.ts compares `start` with `validate`).
 */
export function builtSource(
  build: Pick<RunBuildResult, 'document' | 'unifiedTexts'>,
  unifiedPath: string,
): {
  reader: FileReader;
  twin: (path: string, text: string) => Promise<Twin | undefined>;
} {
  const { yaml, indexJson, indexBytes } = build.unifiedTexts;
  const reader: FileReader = {
    read: (path) => (path === unifiedPath ? Promise.resolve(yaml) : nodeFileReader.read(path)),
    size: (path) => (path === unifiedPath ? Promise.resolve(Buffer.byteLength(yaml)) : (nodeFileReader.size?.(path) ?? Promise.resolve(0))),
  };
  const twin = (path: string, text: string): Promise<Twin | undefined> =>
    Promise.resolve(path === unifiedPath && text === yaml ? { data: build.document, json: indexJson, bytes: indexBytes, member: 'document' } : undefined);
  return { reader, twin };
}

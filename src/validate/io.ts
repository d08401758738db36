import { readFile, stat } from 'node:fs/promises';

/**
 * The only place src/validate touches the file system. Tests and the MCP server
 * can pass their own reader (e.g. over an in-memory map).
 */
export interface FileReader {
  /** Resolves to the text, or rejects with an error whose message names the reason. */
  read(path: string): Promise<string>;
  /** The raw bytes, when the reader has them: lets the validator report invalid UTF-8 and a BOM precisely. */
  readBytes?(path: string): Promise<Uint8Array>;
  /** The size in bytes, when cheap to know: an oversized file is refused before it is read. */
  size?(path: string): Promise<number>;
}

export const nodeFileReader: FileReader = {
  read: (path) => readFile(path, 'utf8'),
  readBytes: (path) => readFile(path),
  size: async (path) => (await stat(path)).size,
};

/** A short reason for a failed read: `not found`, `is a directory`, or the system message. */
export function readFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'ERR_FS_FILE_TOO_LARGE') return 'the file is too large to read';
  return (err as Error | undefined)?.message ?? String(err);
}

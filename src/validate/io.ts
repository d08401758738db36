import { readFile } from 'node:fs/promises';

/**
 * The only place src/validate touches the file system. Tests and the MCP server
 * can pass their own reader (e.g. over an in-memory map).
 */
export interface FileReader {
  /** Resolves to the text, or rejects with an error whose message names the reason. */
  read(path: string): Promise<string>;
}

export const nodeFileReader: FileReader = {
  read: (path) => readFile(path, 'utf8'),
};

/** A short reason for a failed read: `not found`, `is a directory`, or the system message. */
export function readFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'EACCES') return 'permission denied';
  return (err as Error | undefined)?.message ?? String(err);
}

import { readFile } from 'node:fs/promises';
import type { Diagnostic } from './diagnostic.js';
import { isObject } from './json.js';
import { parseText } from './parse.js';
import { displayPath } from './paths.js';
import { pointer } from './pointer.js';

/** What a listing's entries must be: a test, and its name for messages (`a Comet model (id)`). */
export interface ListingShape {
  isEntry: (entry: unknown) => boolean;
  entry: string;
}

/**
 * One snapshot file read from disk: absent, its parsed data with the exact text,
 * or why it cannot be used (`unreadable`, `syntax`, `shape`) as a diagnostic
 * naming the file and the place.
 */
export type SnapshotRead =
  | { kind: 'absent' }
  | { kind: 'ok'; data: unknown; text: string }
  | { kind: 'invalid'; reason: 'unreadable' | 'syntax' | 'shape'; diagnostic: Diagnostic };

/**
 * The one snapshot reader of the hub (fetch reads the previous snapshot, build and
 * the registry the current one). With a `listing` shape the file must be
 * `{ models: [...] }` whose every entry passes.
 */
export async function readSnapshotFile(root: string, path: string, listing?: ListingShape): Promise<SnapshotRead> {
  const file = displayPath(root, path);
  const invalid = (reason: 'unreadable' | 'syntax' | 'shape', message: string, ptr = '', at?: { line?: number; column?: number }): SnapshotRead => ({
    kind: 'invalid',
    reason,
    diagnostic: { ruleId: 'snapshot-invalid', severity: 'error', message, file, pointer: ptr, ...(at?.line ? { line: at.line, column: at.column ?? 1 } : {}) },
  });
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    return invalid('unreadable', (err as Error).message);
  }
  const parsed = parseText(text, file);
  if (!parsed.ok) return invalid('syntax', parsed.problem.message, '', parsed.problem);
  const data = parsed.value.data;
  if (listing) {
    if (!isObject(data) || !Array.isArray(data.models)) return invalid('shape', 'not a snapshot listing: expected an object with a `models` array');
    const bad = data.models.findIndex((m) => !listing.isEntry(m));
    if (bad !== -1) return invalid('shape', `models[${bad}] is not ${listing.entry}`, pointer('models', bad));
  }
  return { kind: 'ok', data, text };
}

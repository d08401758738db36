import { relative, sep } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { parseText } from '../core/parse.js';
import { readFailure, type FileReader } from './io.js';
import type { SourceFile } from './types.js';

export type LoadResult = { ok: true; file: SourceFile } | { ok: false; problem: Diagnostic; reason: string };

/** Read and parse one file (JSON or YAML, with the size/depth/alias limits of core/parse). */
export async function loadSource(path: string, reader: FileReader, root: string): Promise<LoadResult> {
  const display = displayPath(path, root);
  let text: string;
  try {
    text = await reader.read(path);
  } catch (err) {
    const reason = readFailure(err);
    return { ok: false, reason, problem: { ruleId: 'file-unreadable', severity: 'error', message: `cannot read the file: ${reason}`, file: display, pointer: '' } };
  }
  const parsed = parseText(text, display);
  if (!parsed.ok) return { ok: false, reason: parsed.problem.message, problem: parsed.problem };
  return { ok: true, file: { path, display, data: parsed.value.data, text, format: parsed.value.format } };
}

/** Relative to the root with `/` separators when inside it; otherwise the absolute path. */
export function displayPath(path: string, root: string): string {
  const rel = relative(root, path);
  if (rel === '' || rel.startsWith('..') || rel.includes(':')) return path.split(sep).join('/');
  return rel.split(sep).join('/');
}

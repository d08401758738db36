import { sep } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { displayPath as rootDisplayPath } from '../core/paths.js';
import { locatePointers } from '../core/positions.js';
import { pointer } from '../core/pointer.js';
import { readFailure, type FileReader } from './io.js';
import { MAX_FILE_BYTES, checkText, decodeBytes, sizeProblem } from './parse/decode.js';
import { parseSourceText } from './parse/parse-text.js';
import type { SourceFile } from './types.js';

/**
 * The parsed twin of a file: data known to equal what parsing its text gives (the build writes
 * specs/openapi.index.json, the JSON of specs/openapi.yaml with the YAML's sha256), so the parse is
 * skipped. `json` is the twin's own text and `member` the member of it that holds the data.
 */
export interface Twin {
  data: unknown;
  json: string;
  member?: string;
  /** The twin's bytes as read (`json` is their UTF-8): the second thread takes these, shared, instead of a copy of `json`. */
  bytes?: Uint8Array;
}

/** A twin's bytes as read, and the member of its JSON that holds the data. */
export interface TwinBytes {
  bytes: Uint8Array;
  member?: string;
}

export interface LoadHooks {
  /**
   * The file's parsed twin, if it has one that matches `text` (`bytes`: the file's bytes, whose UTF-8
   * `text` is, when read as bytes). `read` is given the twin's bytes as soon as they are known to
   * match the text, before they are parsed.
   */
  twin?: (path: string, text: string, bytes?: Uint8Array, read?: (twin: TwinBytes) => void) => Promise<Twin | undefined>;
  /**
   * Given a twin's bytes as soon as they are known to match the text (the second thread starts
   * parsing and checking them); whether the twin was taken, `onText` tells (its `twin.bytes` are
   * these bytes then).
   */
  onTwinBytes?: (twin: TwinBytes) => void;
  /**
   * Given the text once read, before it is parsed (the second thread of a large file parses its own copy);
   * `bytes`: the bytes it was decoded from, when the reader read bytes.
   */
  onText?: (text: string, strictJson: boolean, twin: Twin | undefined, bytes?: Uint8Array) => void;
}

export type LoadResult = { ok: true; file: SourceFile } | { ok: false; problem: Diagnostic; reason: string };

/**
 * Read and parse one file: size limit, BOM, UTF-8, then JSON (fast path) or YAML,
 * with the depth and alias limits of ./parse. Every failure is one diagnostic
 * naming the file and, where known, the line and column.
 */
export async function loadSource(path: string, reader: FileReader, root: string, maxBytes = MAX_FILE_BYTES, hooks: LoadHooks = {}): Promise<LoadResult> {
  const display = displayPath(path, root);
  const problem = (ruleId: string, message: string, line = 1, column = 1, ptr = ''): LoadResult => ({
    ok: false,
    reason: message,
    problem: { ruleId, severity: 'error', message, file: display, pointer: ptr, line, column },
  });
  let text: string;
  let bytes: Uint8Array | undefined;
  try {
    const tooBig = reader.size ? sizeProblem(await reader.size(path), maxBytes) : undefined;
    if (tooBig && !tooBig.ok) return problem(tooBig.ruleId, tooBig.message, tooBig.line, tooBig.column);
    if (reader.readBytes) bytes = await reader.readBytes(path);
    const decoded = bytes ? decodeBytes(bytes, maxBytes) : checkText(await reader.read(path), maxBytes);
    if (!decoded.ok) return problem(decoded.ruleId, decoded.message, decoded.line, decoded.column);
    text = decoded.text;
  } catch (err) {
    const reason = readFailure(err);
    return problem('file-unreadable', `cannot read the file: ${reason}`);
  }
  const strictJson = /\.json$/i.test(path);
  const twin = await hooks.twin?.(path, text, bytes, hooks.onTwinBytes);
  hooks.onText?.(text, strictJson, twin, bytes);
  if (twin) return { ok: true, file: { path, display, data: twin.data, text, format: /^\s*[{[]/.test(text) ? 'json' : 'yaml' } };
  const parsed = parseSourceText(text, { strictJson });
  if (!parsed.ok) {
    const p = parsed.problem;
    if (p.pointer) {
      const ptr = pointer(...p.pointer);
      const pos = locatePointers(text, 'json', [ptr]).get(ptr) ?? { line: 1, column: 1 };
      return problem(p.ruleId, p.message, pos.line, pos.column, ptr);
    }
    return problem(p.ruleId, p.message, p.line ?? 1, p.column ?? 1);
  }
  return { ok: true, file: { path, display, data: parsed.data, text, format: parsed.format } };
}

/**
 * Relative to the root with `/` separators when inside it; otherwise the absolute path.
 * The core displayPath (arguments in this module's order), except that the root itself
 * and names with a `:` are shown as the full path.
 */
export function displayPath(path: string, root: string): string {
  const shown = rootDisplayPath(root, path);
  return shown === '' || shown.includes(':') ? path.split(sep).join('/') : shown;
}

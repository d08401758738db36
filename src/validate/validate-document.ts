import type { Diagnostic } from '../core/diagnostic.js';
import { resolve } from 'node:path';
import { lintDocumentSet } from './lint.js';
import { displayPath } from './load.js';
import type { SourceFile } from './types.js';
import { detectVersion } from './version.js';

export interface ValidateDocumentOptions {
  /** Name to report problems under (and to resolve relative refs from). Default `openapi.json`. */
  file?: string;
  /** Project root; default the current directory of the caller's choosing (`/`). */
  root?: string;
  allowRemoteRefs?: boolean;
}

/**
 * Validate an in-memory document (no I/O: refs to other files are reported as
 * unresolved). Problems carry file and pointer; no line/column, as there is no
 * source text. For files on disk use `validateFiles`.
 */
export async function validateDocument(data: unknown, options: ValidateDocumentOptions = {}): Promise<Diagnostic[]> {
  const root = options.root ?? '/';
  const path = resolve(root, options.file ?? 'openapi.json');
  const file: SourceFile = { path, display: displayPath(path, root), data, text: '', format: 'json' };
  const version = detectVersion(data, file.display);
  if (!version.ok) return [version.problem];
  const { findings } = await lintDocumentSet({
    root: file,
    version: version.version,
    files: new Map([[path, file]]),
    missing: new Map(),
    refRoot: root,
    allowRemoteRefs: options.allowRemoteRefs ?? false,
  });
  return findings.map((f) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    file: f.file.display,
    pointer: f.pointer,
    ...(f.suggestion ? { suggestion: f.suggestion } : {}),
  }));
}

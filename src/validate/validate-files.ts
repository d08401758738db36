import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { countBySeverity } from '../core/diagnostic.js';
import type { Finding } from './finding.js';
import { nodeFileReader, type FileReader } from './io.js';
import { lintDocumentSet } from './lint.js';
import { loadSource } from './load.js';
import { compareByPosition, locateFindings } from './locate.js';
import { loadDocumentSet } from './refs/load-set.js';
import type { ValidateOptions, ValidateResult } from './types.js';
import { detectVersion } from './version.js';

export interface ValidateFilesOptions extends ValidateOptions {
  /** Where files are read from; the file system by default. */
  reader?: FileReader;
}

/**
 * Validate each file as the root of an OpenAPI description: structure against
 * the official schema, every `$ref` (other files are loaded and checked too).
 * A file that cannot be read or parsed, or is not OpenAPI, is reported as a
 * problem of that file (`fatal`), and the other files are still validated.
 */
export async function validateFiles(paths: readonly string[], options: ValidateFilesOptions): Promise<ValidateResult> {
  const reader = options.reader ?? nodeFileReader;
  const problems: Diagnostic[] = [];
  const findings: Finding[] = [];
  let fatal = false;
  const fail = (d: Diagnostic): void => {
    fatal = true;
    problems.push({ ...d, pointer: d.pointer ?? '', line: d.line ?? 1, column: d.column ?? 1 });
  };
  for (const p of paths) {
    const path = resolve(options.root, p);
    const loaded = await loadSource(path, reader, options.root);
    if (!loaded.ok) {
      fail(loaded.problem);
      continue;
    }
    const version = detectVersion(loaded.file.data, loaded.file.display);
    if (!version.ok) {
      const [located] = locateFindings([{ ...version.problem, pointer: version.problem.pointer ?? '', file: loaded.file }]);
      if (located) fail(located);
      continue;
    }
    const { set, problems: loadProblems } = await loadDocumentSet(loaded.file, version.version, {
      reader,
      projectRoot: options.root,
      refRoot: inside(options.root, path) ? options.root : dirname(path),
      allowRemoteRefs: options.allowRemoteRefs ?? false,
    });
    loadProblems.forEach(fail);
    findings.push(...(await lintDocumentSet(set)));
  }
  problems.push(...dedupe(locateFindings(findings)));
  problems.sort(compareByPosition);
  const { errors, warnings } = countBySeverity(problems);
  return { problems, errorCount: errors, warningCount: warnings, fatal };
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return !rel.startsWith('..') && !isAbsolute(rel);
}

/** Two entry files sharing a referenced file would report its problems twice. */
function dedupe(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const k = `${d.file}\u0000${d.pointer}\u0000${d.ruleId}\u0000${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

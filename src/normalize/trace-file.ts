import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { HubError } from '../core/errors.js';
import { isObject } from '../core/json.js';
import { displayPath, isInside, projectPaths } from '../core/paths.js';
import { readDataFile } from '../core/read.js';
import { locatePointers } from '../core/positions.js';
import type { BuildReport } from './build.js';
import { traceToSource, type TraceResult } from './trace.js';

/**
 * `api-hub trace`: read the unified document (and the build report beside
 * it, when there is one) once, and trace each pointer. I/O edge of trace.ts.
 */
export async function traceFile(root: string, pointers: readonly string[], file?: string): Promise<TraceResult[]> {
  const path = file ? resolve(root, file) : projectPaths(root).unified;
  const { data } = await readDataFile(path, displayPath(root, path));
  if (!isObject(data)) throw new HubError(`${displayPath(root, path)}: not an OpenAPI document`);
  const reportText = await readFile(join(dirname(path), 'build-report.json'), 'utf8').catch(() => undefined);
  let report: Pick<BuildReport, 'renames' | 'shared'> | undefined;
  if (reportText) {
    try {
      const r = JSON.parse(reportText) as Partial<BuildReport>;
      if (Array.isArray(r.renames) && Array.isArray(r.shared)) report = { renames: r.renames, shared: r.shared };
    } catch {
      report = undefined;
    }
  }
  const results = pointers.map((p) => traceToSource(data, p, report));
  await locateTargets(root, results);
  return results;
}

/** How many provider documents of one result get a line and column (a shared component can come from hundreds). */
export const LOCATED_FILES = 20;

/**
 * Line and column of each traced place inside its provider document, each
 * file read once. A file that cannot be read (deleted since the build) keeps
 * its target without a position; a place the provider document lacks (a
 * pass added it) gets the position of its nearest existing parent.
 */
async function locateTargets(root: string, results: readonly TraceResult[]): Promise<void> {
  const byFile = new Map<string, Array<{ pointer: string; line?: number; column?: number }>>();
  for (const r of results) {
    for (const t of (r.targets ?? []).slice(0, LOCATED_FILES)) {
      const list = byFile.get(t.file);
      if (list) list.push(t);
      else byFile.set(t.file, [t]);
    }
  }
  for (const [file, targets] of byFile) {
    const abs = resolve(root, file);
    if (!isInside(root, abs)) continue;
    const text = await readFile(abs, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const positions = locatePointers(
      text,
      /\.json$/i.test(file) ? 'json' : 'yaml',
      targets.map((t) => t.pointer),
    );
    for (const t of targets) {
      const at = positions.get(t.pointer);
      if (at) Object.assign(t, { line: at.line, column: at.column });
    }
  }
}

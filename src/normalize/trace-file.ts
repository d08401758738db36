import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { HubError } from '../core/errors.js';
import { isObject } from '../core/json.js';
import { displayPath, projectPaths } from '../core/paths.js';
import { readDataFile } from '../core/read.js';
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
  return pointers.map((p) => traceToSource(data, p, report));
}

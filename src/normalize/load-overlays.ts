import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { cmp, type Diagnostic } from '../core/diagnostic.js';
import { HubError } from '../core/errors.js';
import { isObject } from '../core/json.js';
import { displayPath } from '../core/paths.js';
import { readDataFile } from '../core/read.js';
import { validateOverlay, type OverlayFile } from './overlay/index.js';

/**
 * The Overlay documents of `dir` (`*.yaml`, `*.yml`, `*.json`), in code-point
 * order of their file names: the order they are applied in. An overlay that
 * cannot be parsed or is not Overlay 1.0 stops the build (exit 2) with its
 * problems; nothing is applied half.
 */
export async function loadOverlays(root: string, dir: string): Promise<OverlayFile[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const files = names.filter((n) => /\.(ya?ml|json)$/i.test(n)).sort(cmp);
  return loadOverlayFiles(
    root,
    files.map((n) => join(dir, n)),
    `${displayPath(root, dir)}/`,
  );
}

/** Overlay documents by absolute path, in the given order; `where` names them in the error. */
export async function loadOverlayFiles(root: string, paths: readonly string[], where: string): Promise<OverlayFile[]> {
  const out: OverlayFile[] = [];
  const problems: Diagnostic[] = [];
  for (const path of paths) {
    const display = displayPath(root, path);
    const { data, text, format } = await readDataFile(path, display);
    const p = await validateOverlay(data, display);
    if (p.length > 0 || !isObject(data)) {
      const { locatePointers } = await import('../core/positions.js');
      const at = locatePointers(
        text,
        format,
        p.map((d) => d.pointer ?? ''),
      );
      problems.push(...p.map((d) => ({ ...d, ...at.get(d.pointer ?? '') })));
    } else out.push({ file: display, overlay: data });
  }
  if (problems.length > 0) throw new HubError(`${problems.length} problem(s) in ${where}; nothing was built`, { diagnostics: problems });
  return out;
}

import { resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { HubError } from '../core/errors.js';
import { projectPaths, displayPath } from '../core/paths.js';
import { readDataFile } from '../core/read.js';
import { readFalPage } from './fal/pages.js';
import { buildFalSnapshot } from './fal/snapshot.js';
import type { FalModelItem } from './fal/types.js';
import { buildCometCatalog, readCometModels, type CometModel } from './comet/catalog.js';
import { writeSnapshotDir, type SnapshotChange } from './write-snapshot.js';
import { writeRegistry } from '../registry/write.js';

export interface ImportResult {
  provider: 'fal' | 'comet';
  models: number;
  documents: number;
  unavailable: string[];
  change: SnapshotChange;
  problems: Diagnostic[];
}

/**
 * `api-hub fetch --provider P --from FILE...`: build a provider snapshot from
 * saved API responses through the same code path as a live fetch (pages ->
 * items -> snapshot files -> atomic swap -> registry). Nothing is written if any
 * file fails to read or parse.
 */
export async function importFromFiles(root: string, provider: 'fal' | 'comet', files: readonly string[]): Promise<ImportResult> {
  const paths = projectPaths(root);
  const problems: Diagnostic[] = [];
  if (files.length === 0) throw new HubError('--from needs at least one file');
  if (provider === 'fal') {
    const items: FalModelItem[] = [];
    for (const f of files) {
      const abs = resolve(f);
      const display = displayPath(root, abs);
      const { data } = await readDataFile(abs, display);
      const page = readFalPage(data, display);
      problems.push(...page.problems);
      items.push(...page.items);
    }
    const fatal = problems.filter((p) => p.severity === 'error');
    if (fatal.length > 0) throw new HubError(`${fatal.length} problem(s) in the FAL pages; the snapshot was not changed`, { diagnostics: fatal });
    const snap = buildFalSnapshot(items);
    problems.push(...snap.problems);
    const change = await writeSnapshotDir(paths.falDir, snap.files);
    await writeRegistry(root);
    return {
      provider,
      models: snap.listing.models.length,
      documents: snap.listing.models.filter((m) => m.openapi.status === 'available').length,
      unavailable: snap.listing.models.filter((m) => m.openapi.status !== 'available').map((m) => m.endpoint_id),
      change,
      problems,
    };
  }
  const models: CometModel[] = [];
  for (const f of files) {
    const abs = resolve(f);
    const display = displayPath(root, abs);
    const { data } = await readDataFile(abs, display);
    const r = readCometModels(data, display);
    problems.push(...r.problems);
    models.push(...r.models);
  }
  const fatal = problems.filter((p) => p.severity === 'error');
  if (fatal.length > 0) throw new HubError(`${fatal.length} problem(s) in the Comet catalog; the snapshot was not changed`, { diagnostics: fatal });
  const catalog = buildCometCatalog(models);
  const change = await writeSnapshotDir(paths.cometCatalogDir, new Map([['v1-models.json', JSON.stringify(catalog, null, 2) + '\n']]));
  await writeRegistry(root);
  return { provider, models: catalog.models.length, documents: 0, unavailable: [], change, problems };
}

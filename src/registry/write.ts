import { readFile } from 'node:fs/promises';
import { projectPaths } from '../core/paths.js';
import { writeIfChanged } from '../core/fs.js';
import type { FalListing } from '../fetch/fal/types.js';
import type { CometCatalog } from '../fetch/comet/catalog.js';
import { buildRegistry, type ModelRegistry } from './registry.js';

/** Load the provider snapshots that exist (a provider never fetched is simply absent). */
export async function loadSnapshots(root: string): Promise<{ fal: FalListing | null; comet: CometCatalog | null }> {
  const p = projectPaths(root);
  const read = async <T>(path: string): Promise<T | null> => {
    try {
      return JSON.parse(await readFile(path, 'utf8')) as T;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  };
  return { fal: await read<FalListing>(p.falListing), comet: await read<CometCatalog>(p.cometCatalog) };
}

export function serializeRegistry(registry: ModelRegistry): string {
  return JSON.stringify(registry, null, 2) + '\n';
}

/** Rebuild `data/model_registry.json` from the snapshots on disk (atomic, only when it changed). */
export async function writeRegistry(root: string): Promise<ModelRegistry> {
  const { fal, comet } = await loadSnapshots(root);
  const registry = buildRegistry(fal, comet);
  await writeIfChanged(projectPaths(root).registry, serializeRegistry(registry));
  return registry;
}

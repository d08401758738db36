import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectPaths } from '../core/paths.js';
import { writeIfChanged } from '../core/fs.js';
import { sha256 } from '../core/hash.js';
import type { FalListing } from '../fetch/fal/types.js';
import type { CometCatalog } from '../fetch/comet/catalog.js';
import type { CometApiCatalog } from '../fetch/comet/api-catalog.js';
import { buildRegistry, COMET_DOCUMENT_FILE, type CometSnapshot, type ModelRegistry } from './registry.js';

/**
 * Load the provider snapshots that exist (a provider never fetched is simply
 * absent). Comet's comes with its public catalog and the hash of the curated
 * document, so that fetch and build derive the same registry.
 */
export async function loadSnapshots(root: string): Promise<{ fal: FalListing | null; comet: CometSnapshot | null }> {
  const p = projectPaths(root);
  const readText = async (path: string): Promise<string | null> => {
    try {
      return await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  };
  const read = async <T>(path: string): Promise<T | null> => {
    const text = await readText(path);
    return text === null ? null : (JSON.parse(text) as T);
  };
  const fal = await read<FalListing>(p.falListing);
  const v1 = await read<CometCatalog>(p.cometCatalog);
  if (!v1) return { fal, comet: null };
  const api = await read<CometApiCatalog>(join(p.cometCatalogDir, 'api-models.json'));
  const doc = await readText(p.cometSpec);
  return { fal, comet: { ...v1, api, document: doc === null ? null : { file: COMET_DOCUMENT_FILE, sha256: sha256(doc) } } };
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

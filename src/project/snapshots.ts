import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { displayPath, projectPaths } from '../core/paths.js';
import { HubError } from '../core/errors.js';
import { isObject } from '../core/json.js';
import { readSnapshotFile } from '../core/snapshot-file.js';
import { writeIfChanged } from '../core/fs.js';
import { sha256 } from '../core/hash.js';
import type { FalListing } from '../fetch/fal/types.js';
import type { CometCatalog } from '../fetch/comet/catalog.js';
import type { CometApiCatalog } from '../fetch/comet/api-catalog.js';
import type { AfterCommit } from '../fetch/finish.js';
import { buildRegistry, COMET_DOCUMENT_FILE, serializeRegistry, type ModelRegistry, type Snapshots } from '../registry/registry.js';

/**
 * Load the provider snapshots that exist (a provider never fetched is simply
 * absent). Comet's comes with its public catalog and the hash of the curated
 * document, so that fetch and build derive the same registry. A listing that
 * cannot be parsed, or is not the shape the fetch writes, is a HubError naming
 * the file (and line, column or entry): never a crash further on.
 */
export async function loadSnapshots(root: string): Promise<Snapshots> {
  const p = projectPaths(root);
  const fal = await readListing<FalListing>(
    root,
    p.falListing,
    isFalEntry,
    'a FAL listing entry (endpoint_id, openapi.status, and for an available document a file inside specs/providers/fal/ and its sha256)',
  );
  const v1 = await readListing<CometCatalog>(root, p.cometCatalog, isCometEntry, 'a Comet model (id)');
  if (!v1) return { fal, comet: null };
  const api = await readListing<CometApiCatalog>(root, join(p.cometCatalogDir, 'api-models.json'), isCometEntry, 'a Comet catalog model (id)');
  const doc = await readText(p.cometSpec);
  return { fal, comet: { ...v1, api, document: doc === null ? null : { file: COMET_DOCUMENT_FILE, sha256: sha256(doc) } } };
}

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** An entry as the fetch writes it; an available document's file is inside specs/providers/fal/. */
const isFalEntry = (m: unknown): boolean => {
  if (!isObject(m) || typeof m.endpoint_id !== 'string' || !isObject(m.openapi) || typeof m.openapi.status !== 'string') return false;
  if (m.openapi.status !== 'available') return true;
  const file = m.openapi.file;
  return typeof file === 'string' && typeof m.openapi.sha256 === 'string' && file !== '' && !isAbsolute(file) && !file.split(/[\\/]/).includes('..');
};
const isCometEntry = (m: unknown): boolean => isObject(m) && typeof m.id === 'string';

/** A snapshot listing (`{ models: [...] }`), or null when the file does not exist; a HubError naming the file when it cannot be used. */
async function readListing<T>(root: string, path: string, isEntry: (m: unknown) => boolean, entry: string): Promise<T | null> {
  const read = await readSnapshotFile(root, path, { isEntry, entry });
  if (read.kind === 'absent') return null;
  if (read.kind === 'ok') return read.data as T;
  const d = read.diagnostic;
  throw new HubError(`${d.file ?? displayPath(root, path)}: ${d.message}; re-run \`api-hub fetch\` to write it again`, { diagnostics: [d] });
}

/** Rebuild `data/model_registry.json` from the snapshots on disk (atomic, only when it changed). */
export async function writeRegistry(root: string): Promise<ModelRegistry> {
  const { fal, comet } = await loadSnapshots(root);
  const registry = buildRegistry(fal, comet);
  await writeIfChanged(projectPaths(root).registry, serializeRegistry(registry));
  return registry;
}

/** After a fetch swapped a snapshot in: the registry follows it (`finishFetch`'s `afterCommit`). */
export function refreshRegistry(root: string): AfterCommit {
  return async () => ({ files: ['data/model_registry.json'], registry: await writeRegistry(root) });
}

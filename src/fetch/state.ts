import { join } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { displayPath, projectPaths } from '../core/paths.js';
import { readSnapshotFile, type ListingShape } from '../core/snapshot-file.js';
import type { FalListing } from './fal/types.js';
import type { CometCatalog } from './comet/catalog.js';
import type { CometApiCatalog } from './comet/api-catalog.js';
import { META_FILE, parseMeta, type FetchMeta } from './meta.js';

export const COMET_V1_FILE = 'v1-models.json';
export const COMET_API_FILE = 'api-models.json';

/** The snapshot of FAL on disk before a fetch: for drift, 304 rebuilds and carried-forward prices. */
export interface FalState {
  listing: FalListing | null;
  meta: FetchMeta | null;
  problems: Diagnostic[];
}

export interface CometState {
  v1: CometCatalog | null;
  api: CometApiCatalog | null;
  /** The exact text of the catalog file, carried over unchanged when it was not refreshed. */
  apiText: string | null;
  meta: FetchMeta | null;
  problems: Diagnostic[];
}

/** A previous snapshot file, or null (with a warning when it exists but cannot be used: it is treated as absent). */
async function readJson(root: string, path: string, problems: Diagnostic[], listing?: ListingShape): Promise<{ data: unknown; text: string } | null> {
  const read = await readSnapshotFile(root, path, listing);
  if (read.kind === 'absent') return null;
  if (read.kind === 'ok') return read;
  const d = read.diagnostic;
  const why =
    read.reason === 'unreadable'
      ? `cannot read the previous snapshot file (${d.message})`
      : read.reason === 'syntax'
        ? `the previous snapshot file is not valid JSON (${d.message})`
        : `the previous snapshot file is not a snapshot (${d.message})`;
  problems.push({
    ruleId: 'snapshot-unreadable',
    severity: 'warn',
    message: `${why}; it is treated as absent`,
    file: d.file ?? displayPath(root, path),
    ...(d.pointer ? { pointer: d.pointer } : {}),
  });
  return null;
}

/** Any `{ models: [...] }` listing: fetch only needs the array (entries are checked where they are used). */
const LISTING: ListingShape = { isEntry: () => true, entry: 'an entry' };

export async function readFalState(root: string): Promise<FalState> {
  const p = projectPaths(root);
  const problems: Diagnostic[] = [];
  const listing = await readJson(root, p.falListing, problems, LISTING);
  const meta = await readJson(root, join(p.falDir, META_FILE), problems);
  return { listing: listing ? (listing.data as FalListing) : null, meta: listing && meta ? parseMeta(meta.data, 'fal') : null, problems };
}

export async function readCometState(root: string): Promise<CometState> {
  const p = projectPaths(root);
  const problems: Diagnostic[] = [];
  const v1 = await readJson(root, join(p.cometCatalogDir, COMET_V1_FILE), problems, LISTING);
  const api = await readJson(root, join(p.cometCatalogDir, COMET_API_FILE), problems, LISTING);
  const meta = await readJson(root, join(p.cometCatalogDir, META_FILE), problems);
  return {
    v1: v1 ? (v1.data as CometCatalog) : null,
    api: api ? (api.data as CometApiCatalog) : null,
    apiText: api ? api.text : null,
    meta: meta ? parseMeta(meta.data, 'comet') : null,
    problems,
  };
}

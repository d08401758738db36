import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { isObject } from '../core/json.js';
import { projectPaths } from '../core/paths.js';
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

async function readJson(path: string, display: string, problems: Diagnostic[]): Promise<{ data: unknown; text: string } | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    problems.push({ ruleId: 'snapshot-unreadable', severity: 'warn', message: `cannot read the previous snapshot file (${(err as Error).message}); it is treated as absent`, file: display });
    return null;
  }
  try {
    return { data: JSON.parse(text) as unknown, text };
  } catch (err) {
    problems.push({ ruleId: 'snapshot-unreadable', severity: 'warn', message: `the previous snapshot file is not valid JSON (${(err as Error).message}); it is treated as absent`, file: display });
    return null;
  }
}

export async function readFalState(root: string): Promise<FalState> {
  const p = projectPaths(root);
  const problems: Diagnostic[] = [];
  const listing = await readJson(p.falListing, 'specs/providers/fal/models.json', problems);
  const meta = await readJson(join(p.falDir, META_FILE), `specs/providers/fal/${META_FILE}`, problems);
  const ok = listing && isObject(listing.data) && Array.isArray(listing.data.models);
  return { listing: ok ? (listing.data as unknown as FalListing) : null, meta: ok && meta ? parseMeta(meta.data, 'fal') : null, problems };
}

export async function readCometState(root: string): Promise<CometState> {
  const p = projectPaths(root);
  const problems: Diagnostic[] = [];
  const v1 = await readJson(join(p.cometCatalogDir, COMET_V1_FILE), `specs/providers/comet/catalog/${COMET_V1_FILE}`, problems);
  const api = await readJson(join(p.cometCatalogDir, COMET_API_FILE), `specs/providers/comet/catalog/${COMET_API_FILE}`, problems);
  const meta = await readJson(join(p.cometCatalogDir, META_FILE), `specs/providers/comet/catalog/${META_FILE}`, problems);
  const v1ok = v1 && isObject(v1.data) && Array.isArray(v1.data.models);
  const apiok = api && isObject(api.data) && Array.isArray(api.data.models);
  return {
    v1: v1ok ? (v1.data as unknown as CometCatalog) : null,
    api: apiok ? (api.data as unknown as CometApiCatalog) : null,
    apiText: apiok ? api.text : null,
    meta: meta ? parseMeta(meta.data, 'comet') : null,
    problems,
  };
}

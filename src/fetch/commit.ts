import type { Diagnostic } from '../core/diagnostic.js';
import { HubError } from '../core/errors.js';
import { projectPaths } from '../core/paths.js';
import { buildFalSnapshot } from './fal/snapshot.js';
import type { FalListing, FalModelItem, FalPrice, PriceOrigin } from './fal/types.js';
import { stampPrices } from './fal/pricing.js';
import { buildCometCatalog, type CometCatalog, type CometModel } from './comet/catalog.js';
import { buildCometApiCatalog, type CometApiCatalog, type CometApiModel } from './comet/api-catalog.js';
import { META_FILE, serializeMeta, type FetchMeta } from './meta.js';
import { findSecret } from './redact.js';
import { COMET_API_FILE, COMET_V1_FILE, type CometState, type FalState } from './state.js';
import { SnapshotStage, previewSnapshotDir, type SnapshotChange } from './write-snapshot.js';

/**
 * The one path from received data to a provider snapshot on disk, shared by the
 * live fetch and `--from`: build the files (pure, deterministic), refuse any
 * file that contains a secret, then swap the provider directory atomically.
 */
export interface CommitOptions {
  /** Secret values by variable name: a file containing one is never written. */
  secrets?: ReadonlyMap<string, string>;
  /** Checked just before the swap: an interrupted run never swaps. */
  signal?: AbortSignal;
  /** The temp directory the files were staged in while they arrived (else one is made now). */
  stage?: SnapshotStage;
  /** Work out the change and write nothing (`fetch --dry-run`). */
  dryRun?: boolean;
}

export interface FalCommitResult {
  listing: FalListing;
  change: SnapshotChange;
  /** The snapshot's files before and after (path inside specs/providers/fal/ -> text): the drift report diffs the changed documents. */
  files: { before: ReadonlyMap<string, string>; after: ReadonlyMap<string, string> };
  problems: Diagnostic[];
  /** Prices taken over from the previous snapshot because prices were not fetched this time. */
  carriedPrices: number;
}

/**
 * `prices: null` means "not fetched this time" (no key, or `--from` without
 * pricing files): the previous snapshot's prices are kept for models that are
 * still listed, and the caller says so. `[]` means "fetched: none".
 */
export async function commitFal(
  root: string,
  input: {
    items: readonly FalModelItem[];
    prices: readonly FalPrice[] | null;
    /** Stamped on every price of `prices` (not on carried ones, which keep their own). */
    priceOrigin?: PriceOrigin;
    meta: FetchMeta | null;
  },
  old: FalState,
  options: CommitOptions = {},
): Promise<FalCommitResult> {
  let prices = input.prices;
  let carriedPrices = 0;
  if (prices === null) {
    const carried: FalPrice[] = [];
    for (const m of old.listing?.models ?? []) {
      if (m.pricing) carried.push({ endpoint_id: m.endpoint_id, ...m.pricing });
    }
    const listed = new Set(input.items.map((i) => i.endpoint_id));
    prices = carried.filter((p) => listed.has(p.endpoint_id));
    carriedPrices = prices.length;
  } else if (input.priceOrigin) {
    prices = stampPrices(prices, input.priceOrigin);
  }
  const snap = buildFalSnapshot(input.items, prices);
  const files = new Map(snap.files);
  if (input.meta) files.set(META_FILE, serializeMeta(input.meta));
  const stage = options.stage ?? (await SnapshotStage.open(projectPaths(root).falDir));
  let change: SnapshotChange;
  try {
    change = await swap(projectPaths(root).falDir, 'fal', files, { ...options, stage });
  } catch (err) {
    if (!options.stage) await stage.discard();
    throw err;
  }
  return { listing: snap.listing, change, files: { before: await stage.previous(), after: files }, problems: snap.problems, carriedPrices };
}

export interface CometCommitResult {
  catalog: CometCatalog;
  api: CometApiCatalog | null;
  change: SnapshotChange;
}

/** `api: null` keeps the previous `/api/models` catalog file byte for byte (e.g. `--from` with only a /v1/models file). */
export async function commitComet(
  root: string,
  input: {
    models: readonly CometModel[];
    api: readonly CometApiModel[] | null;
    meta: FetchMeta | null /** YYYY-MM-DD the catalog (and its prices) was read. */;
    apiAsOf?: string;
  },
  old: CometState,
  options: CommitOptions = {},
): Promise<CometCommitResult> {
  const catalog = buildCometCatalog(input.models);
  const files = new Map<string, string>([[COMET_V1_FILE, JSON.stringify(catalog, null, 2) + '\n']]);
  let api: CometApiCatalog | null = null;
  if (input.api) {
    api = buildCometApiCatalog(input.api, undefined, input.apiAsOf);
    files.set(COMET_API_FILE, JSON.stringify(api, null, 2) + '\n');
  } else if (old.apiText !== null) {
    api = old.api;
    files.set(COMET_API_FILE, old.apiText);
  }
  if (input.meta) files.set(META_FILE, serializeMeta(input.meta));
  const change = await swap(projectPaths(root).cometCatalogDir, 'comet', files, options);
  return { catalog, api, change };
}

async function swap(dir: string, provider: string, files: Map<string, string>, options: CommitOptions): Promise<SnapshotChange> {
  if (options.secrets && options.secrets.size > 0) {
    for (const [rel, content] of files) {
      const name = findSecret(content, options.secrets);
      if (name) {
        throw new HubError(
          `${provider}: the response data contains the value of ${name} (in ${rel}); refusing to write it. The previous snapshot is unchanged.`,
        );
      }
    }
  }
  if (options.signal?.aborted) throw new HubError(`${provider}: interrupted before the snapshot was written; the previous snapshot is unchanged`);
  const change = options.dryRun ? await previewSnapshotDir(dir, files) : await (options.stage ?? (await SnapshotStage.open(dir))).commit(files);
  // The metadata file changes on every fetch (it holds the fetch time): report content files only.
  const isContent = (rel: string): boolean => !rel.split('/').some((seg) => seg.startsWith('.'));
  const hidden = [...files.keys()].filter((rel) => !isContent(rel));
  const hiddenUnchanged = hidden.filter((rel) => !change.added.includes(rel) && !change.changed.includes(rel)).length;
  return {
    added: change.added.filter(isContent),
    removed: change.removed.filter(isContent),
    changed: change.changed.filter(isContent),
    unchanged: change.unchanged - hiddenUnchanged,
  };
}

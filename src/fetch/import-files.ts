import { resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { HubError } from '../core/errors.js';
import { displayPath, projectPaths } from '../core/paths.js';
import { readDataFile } from '../core/read.js';
import { readFalPage } from './fal/pages.js';
import { FAL_PRICING_API_SOURCE, isFalPricingResponse, readFalPricing } from './fal/pricing.js';
import { snapshotItems } from './fal/snapshot-items.js';
import type { FalModelItem, FalPrice } from './fal/types.js';
import { readCometModels } from './comet/catalog.js';
import { isCometApiModelsResponse, readCometApiModels } from './comet/api-catalog.js';
import { commitComet, commitFal } from './commit.js';
import { cometDrift, falDrift, modelChanges } from './drift.js';
import { cometProviderResult, falProviderResult, finishFetch, type AfterCommit, type FetchRunResult } from './finish.js';
import { readCometState, readFalState } from './state.js';
import { type FalImportPlan, planFalImport } from './fal/partial.js';
import { rebuildFalItems } from './fal/old-items.js';

export interface ImportOptions {
  /** Replace the snapshot with exactly the files, even when they are only part of the catalog. */
  prune?: boolean;
  /** Work everything out, write nothing. */
  dryRun?: boolean;
  /** Where imported prices come from, and their date. */
  origin?: ImportOrigin;
  /** Once the snapshot was swapped in (the project layer rebuilds the registry). */
  afterCommit?: AfterCommit;
}

/**
 * `api-hub fetch --provider P --from FILE...`: build a provider snapshot from
 * saved API responses through the same code path as a live fetch (responses ->
 * items -> snapshot files -> atomic swap -> registry -> drift report). Nothing
 * is written if any file fails to read or parse.
 *
 * FAL files are `/v1/models` pages and, optionally, `/v1/models/pricing`
 * responses (without them, the previous snapshot's prices are kept). Comet files
 * are `/v1/models` responses and, optionally, the `/api/models` catalog
 * (without it, the previous catalog file is kept).
 *
 * A partial input never deletes: FAL files that lack categories the snapshot
 * has (e.g. two `?category=` listings) are merged into the snapshot, its other
 * models kept as they are, unless `prune` asks to replace the snapshot with
 * exactly the files. Files with every category replace the snapshot, as a live
 * fetch does. `dryRun` works everything out and writes nothing.
 */
export async function importFromFiles(root: string, provider: 'fal' | 'comet', files: readonly string[], options: ImportOptions = {}): Promise<FetchRunResult> {
  if (files.length === 0) throw new HubError('--from needs at least one file');
  const inputs = await readInputFiles(root, files);
  const asOf = options.origin?.asOf ?? new Date().toISOString().slice(0, 10);
  return provider === 'fal' ? importFal(root, inputs, asOf, options) : importComet(root, inputs, asOf, options);
}

type Input = { display: string; data: unknown };

/** FAL: `/v1/models` pages and optional `/v1/models/pricing` responses, merged into the snapshot when they hold only part of it. */
async function importFal(root: string, inputs: readonly Input[], asOf: string, options: ImportOptions): Promise<FetchRunResult> {
  const dryRun = options.dryRun === true;
  const origin = options.origin ?? {};
  const problems: Diagnostic[] = [];
  const { main: items, extra: prices } = readInputs(inputs, problems, 'the FAL files', {
    main: readFalPage,
    isExtra: isFalPricingResponse,
    extra: (data, display) => {
      const { prices: items, problems } = readFalPricing(data, display);
      return { items, problems };
    },
  });
  const old = await readFalState(root);
  const { merged, mergedPrices, notes } = await mergeFalImport(root, items, prices, planFalImport(items, old.listing), options);
  const c = await commitFal(
    root,
    { items: merged, prices: mergedPrices, priceOrigin: { source: origin.priceSource ?? FAL_PRICING_API_SOURCE, asOf }, meta: null },
    old,
    { dryRun },
  );
  if (prices === null && c.carriedPrices > 0) notes.push(`no pricing file given: kept ${c.carriedPrices} price(s) from the previous snapshot`);
  const result = falProviderResult(c, [...old.problems, ...problems, ...c.problems], notes);
  const changes = await modelChanges(old.listing, c.listing, c.files);
  return finishFetch(root, [result], [falDrift({ before: old.listing, after: c.listing, changes, notes })], false, options.afterCommit, dryRun);
}

/**
 * The models and prices to commit: the files' alone, or, when they hold only
 * part of the catalog and `prune` is not asked, merged with the snapshot's
 * other models (read back from its documents) and their prices. Notes say which.
 */
async function mergeFalImport(
  root: string,
  items: FalModelItem[],
  prices: FalPrice[] | null,
  plan: FalImportPlan,
  options: ImportOptions,
): Promise<{ merged: FalModelItem[]; mergedPrices: FalPrice[] | null; notes: string[] }> {
  const dryRun = options.dryRun === true;
  const notes: string[] = [];
  if (!plan.whole && !options.prune && plan.notInFiles.length > 0) {
    const kept = await rebuildFalItems(projectPaths(root).falDir, plan.notInFiles);
    if (kept === null) {
      throw new HubError(
        `fal: the files hold only part of the catalog (no ${listSome(plan.missingCategories)}), and the snapshot's own documents cannot be read back to merge them (a file is missing or was edited). ` +
          `Nothing was written. Restore specs/providers/fal/ (git checkout), or replace the snapshot with exactly these files with --prune (it would remove ${plan.notInFiles.length} model(s)).`,
      );
    }
    let mergedPrices = prices;
    if (prices !== null) {
      const given = new Set(prices.map((p) => p.endpoint_id));
      mergedPrices = [
        ...plan.notInFiles.flatMap((m) => (m.pricing && !given.has(m.endpoint_id) ? [{ endpoint_id: m.endpoint_id, ...m.pricing }] : [])),
        ...prices,
      ];
    }
    notes.push(
      `the files hold part of the catalog (no ${listSome(plan.missingCategories)}): ${dryRun ? 'would merge' : 'merged'} ${items.length} model(s) into the snapshot, keeping the ${kept.length} model(s) not in the files; ` +
        `to replace the snapshot with exactly these files, removing those ${kept.length}, add --prune`,
    );
    return { merged: [...kept, ...items], mergedPrices, notes };
  }
  if (plan.notInFiles.length > 0) {
    notes.push(
      `${options.prune ? '--prune: ' : 'the files hold every category of the snapshot: '}${plan.notInFiles.length} model(s) not in the files ${dryRun ? 'would be' : 'were'} removed`,
    );
  }
  return { merged: items, mergedPrices: prices, notes };
}

/** Comet: `/v1/models` responses and the optional `/api/models` catalog. */
async function importComet(root: string, inputs: readonly Input[], asOf: string, options: ImportOptions): Promise<FetchRunResult> {
  const dryRun = options.dryRun === true;
  const problems: Diagnostic[] = [];
  const { main: models, extra: api } = readInputs(inputs, problems, 'the Comet catalog', {
    main: (data, display) => {
      const { models: items, problems } = readCometModels(data, display);
      return { items, problems };
    },
    isExtra: isCometApiModelsResponse,
    extra: (data, display) => {
      const { models: items, problems } = readCometApiModels(data, display);
      return { items, problems };
    },
  });
  if (models.length === 0 && api !== null)
    throw new HubError('--from for comet needs a /v1/models response too (the /api/models catalog alone does not say which models the key can call)');
  const old = await readCometState(root);
  const c = await commitComet(root, { models, api, apiAsOf: asOf, meta: null }, old, { dryRun });
  const result = cometProviderResult(c, [...old.problems, ...problems], []);
  const drift = cometDrift({ before: { v1: old.v1, api: old.api }, after: { v1: c.catalog, api: c.api } });
  return finishFetch(root, [result], [drift], false, options.afterCommit, dryRun);
}

/** Where imported prices come from: a label and the date they are valid for (default: `fal-pricing-api`, today). */
export interface ImportOrigin {
  priceSource?: string;
  /** YYYY-MM-DD. */
  asOf?: string;
}

async function readInputFiles(root: string, files: readonly string[]): Promise<Array<{ display: string; data: unknown }>> {
  const inputs: Array<{ display: string; data: unknown }> = [];
  for (const f of files) {
    const abs = resolve(f);
    const display = displayPath(root, abs);
    const { data } = await readDataFile(abs, display);
    inputs.push({ display, data });
  }
  return inputs;
}

/**
 * `api-hub fetch --provider fal --prices-from FILE...`: replace the prices of
 * the FAL snapshot with those of saved `/v1/models/pricing` responses (or a
 * file in that shape, such as a public price list), leaving the listing and the
 * documents as they are. The snapshot is rebuilt through the same commit path
 * as a live fetch, each price stamped with `origin` (default source
 * `fal-pricing-api`). Prices of endpoints the snapshot does not list are
 * ignored and counted; models without a price in the files lose theirs.
 */
export async function importFalPrices(root: string, files: readonly string[], origin: ImportOrigin = {}, afterCommit?: AfterCommit): Promise<FetchRunResult> {
  if (files.length === 0) throw new HubError('--prices-from needs at least one file');
  const inputs = await readInputFiles(root, files);
  const problems: Diagnostic[] = [];
  const prices: FalPrice[] = [];
  for (const { display, data } of inputs) {
    if (!isFalPricingResponse(data)) {
      throw new HubError(
        `${display}: not a FAL /v1/models/pricing response (expected {"prices": [{endpoint_id, unit_price, unit, currency}], ...}); the snapshot was not changed`,
      );
    }
    const r = readFalPricing(data, display);
    problems.push(...r.problems);
    prices.push(...r.prices);
  }
  const fatal = problems.filter((p) => p.severity === 'error');
  if (fatal.length > 0) throw new HubError(`${fatal.length} problem(s) in the pricing files; the snapshot was not changed`, { diagnostics: fatal });
  const old = await readFalState(root);
  if (!old.listing) throw new HubError('specs/providers/fal/models.json: no FAL snapshot to price; run `api-hub fetch --provider fal` (or `--from`) first');
  const items = await snapshotItems(root, old.listing);
  const listed = new Set(items.map((i) => i.endpoint_id));
  const kept = prices.filter((p) => listed.has(p.endpoint_id));
  const source = origin.priceSource ?? FAL_PRICING_API_SOURCE;
  const asOf = origin.asOf ?? new Date().toISOString().slice(0, 10);
  // The listing's ETags stay; those of pricing requests go, since the prices they stood for are replaced.
  const meta = old.meta
    ? { ...old.meta, requests: Object.fromEntries(Object.entries(old.meta.requests).filter(([url]) => !url.includes('/models/pricing'))) }
    : null;
  const c = await commitFal(root, { items, prices: kept, priceOrigin: { source, asOf }, meta }, old);
  const notes = [
    `${c.listing.models.filter((m) => m.pricing).length} of ${c.listing.models.length} model(s) priced from ${inputs.length} file(s) (source ${source}, as of ${asOf})`,
  ];
  if (kept.length < prices.length) notes.push(`${prices.length - kept.length} price(s) for endpoints the snapshot does not list were ignored`);
  const result = falProviderResult(c, [...old.problems, ...problems, ...c.problems], notes);
  return finishFetch(root, [result], [falDrift({ before: old.listing, after: c.listing, notes })], false, afterCommit);
}

function listSome(names: readonly string[], max = 5): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

type ReadInput<T> = (data: unknown, display: string) => { items: T[]; problems: Diagnostic[] };

/**
 * Read every input file as the provider's main response or, where `isExtra`
 * says so, its optional extra one (null when no file is of that kind), adding
 * each file's problems to `problems`. Throws, naming `what`, on any error.
 */
function readInputs<M, X>(
  inputs: ReadonlyArray<{ display: string; data: unknown }>,
  problems: Diagnostic[],
  what: string,
  read: { main: ReadInput<M>; isExtra: (data: unknown) => boolean; extra: ReadInput<X> },
): { main: M[]; extra: X[] | null } {
  const main: M[] = [];
  let extra: X[] | null = null;
  for (const { display, data } of inputs) {
    if (read.isExtra(data)) {
      const r = read.extra(data, display);
      problems.push(...r.problems);
      (extra ??= []).push(...r.items);
      continue;
    }
    const r = read.main(data, display);
    problems.push(...r.problems);
    main.push(...r.items);
  }
  const fatal = problems.filter((p) => p.severity === 'error');
  if (fatal.length > 0) throw new HubError(`${fatal.length} problem(s) in ${what}; the snapshot was not changed`, { diagnostics: fatal });
  return { main, extra };
}

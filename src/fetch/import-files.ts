import { resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { HubError } from '../core/errors.js';
import { displayPath } from '../core/paths.js';
import { readDataFile } from '../core/read.js';
import { readFalPage } from './fal/pages.js';
import { FAL_PRICING_API_SOURCE, isFalPricingResponse, readFalPricing } from './fal/pricing.js';
import { snapshotItems } from './fal/snapshot-items.js';
import type { FalPrice } from './fal/types.js';
import { readCometModels } from './comet/catalog.js';
import { isCometApiModelsResponse, readCometApiModels } from './comet/api-catalog.js';
import { commitComet, commitFal } from './commit.js';
import { cometDrift, falDrift, modelChanges } from './drift.js';
import { finishFetch, type AfterCommit, type FetchRunResult, type ProviderResult } from './finish.js';
import { readCometState, readFalState } from './state.js';

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
 */
export async function importFromFiles(root: string, provider: 'fal' | 'comet', files: readonly string[], origin: ImportOrigin = {}, afterCommit?: AfterCommit): Promise<FetchRunResult> {
  const problems: Diagnostic[] = [];
  if (files.length === 0) throw new HubError('--from needs at least one file');
  const inputs = await readInputFiles(root, files);
  const asOf = origin.asOf ?? new Date().toISOString().slice(0, 10);
  if (provider === 'fal') {
    const { main: items, extra: prices } = readInputs(inputs, problems, 'the FAL files', {
      main: readFalPage,
      isExtra: isFalPricingResponse,
      extra: (data, display) => { const { prices: items, problems } = readFalPricing(data, display); return { items, problems }; },
    });
    const old = await readFalState(root);
    const c = await commitFal(root, { items, prices, priceOrigin: { source: origin.priceSource ?? FAL_PRICING_API_SOURCE, asOf }, meta: null }, old);
    const unavailable = c.listing.models.filter((m) => m.openapi.status !== 'available').map((m) => m.endpoint_id);
    const notes = prices === null && c.carriedPrices > 0 ? [`no pricing file given: kept ${c.carriedPrices} price(s) from the previous snapshot`] : [];
    const result: ProviderResult = {
      provider,
      ok: true,
      models: c.listing.models.length,
      documents: c.listing.models.length - unavailable.length,
      unavailable,
      change: c.change,
      problems: [...old.problems, ...problems, ...c.problems],
      notes,
    };
    const changes = await modelChanges(old.listing, c.listing, c.files);
    return finishFetch(root, [result], [falDrift({ before: old.listing, after: c.listing, changes, notes })], false, afterCommit);
  }
  const { main: models, extra: api } = readInputs(inputs, problems, 'the Comet catalog', {
    main: (data, display) => { const { models: items, problems } = readCometModels(data, display); return { items, problems }; },
    isExtra: isCometApiModelsResponse,
    extra: (data, display) => { const { models: items, problems } = readCometApiModels(data, display); return { items, problems }; },
  });
  if (models.length === 0 && api !== null) throw new HubError('--from for comet needs a /v1/models response too (the /api/models catalog alone does not say which models the key can call)');
  const old = await readCometState(root);
  const c = await commitComet(root, { models, api, apiAsOf: asOf, meta: null }, old);
  const result: ProviderResult = { provider, ok: true, models: c.catalog.models.length, documents: 0, unavailable: [], change: c.change, problems: [...old.problems, ...problems], notes: [] };
  return finishFetch(root, [result], [cometDrift({ before: { v1: old.v1, api: old.api }, after: { v1: c.catalog, api: c.api } })], false, afterCommit);
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
      throw new HubError(`${display}: not a FAL /v1/models/pricing response (expected {"prices": [{endpoint_id, unit_price, unit, currency}], ...}); the snapshot was not changed`);
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
  const meta = old.meta ? { ...old.meta, requests: Object.fromEntries(Object.entries(old.meta.requests).filter(([url]) => !url.includes('/models/pricing'))) } : null;
  const c = await commitFal(root, { items, prices: kept, priceOrigin: { source, asOf }, meta }, old);
  const notes = [`${c.listing.models.filter((m) => m.pricing).length} of ${c.listing.models.length} model(s) priced from ${inputs.length} file(s) (source ${source}, as of ${asOf})`];
  if (kept.length < prices.length) notes.push(`${prices.length - kept.length} price(s) for endpoints the snapshot does not list were ignored`);
  const unavailable = c.listing.models.filter((m) => m.openapi.status !== 'available').map((m) => m.endpoint_id);
  const result: ProviderResult = {
    provider: 'fal',
    ok: true,
    models: c.listing.models.length,
    documents: c.listing.models.length - unavailable.length,
    unavailable,
    change: c.change,
    problems: [...old.problems, ...problems, ...c.problems],
    notes,
  };
  return finishFetch(root, [result], [falDrift({ before: old.listing, after: c.listing, notes })], false, afterCommit);
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

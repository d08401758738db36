import { resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { HubError } from '../core/errors.js';
import { displayPath } from '../core/paths.js';
import { readDataFile } from '../core/read.js';
import { readFalPage } from './fal/pages.js';
import { isFalPricingResponse, readFalPricing } from './fal/pricing.js';
import type { FalModelItem, FalPrice } from './fal/types.js';
import { readCometModels, type CometModel } from './comet/catalog.js';
import { isCometApiModelsResponse, readCometApiModels, type CometApiModel } from './comet/api-catalog.js';
import { commitComet, commitFal } from './commit.js';
import { cometDrift, falDrift } from './drift.js';
import { finishFetch, type FetchRunResult, type ProviderResult } from './run.js';
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
export async function importFromFiles(root: string, provider: 'fal' | 'comet', files: readonly string[]): Promise<FetchRunResult> {
  const problems: Diagnostic[] = [];
  if (files.length === 0) throw new HubError('--from needs at least one file');
  const inputs: Array<{ display: string; data: unknown }> = [];
  for (const f of files) {
    const abs = resolve(f);
    const display = displayPath(root, abs);
    const { data } = await readDataFile(abs, display);
    inputs.push({ display, data });
  }
  if (provider === 'fal') {
    const items: FalModelItem[] = [];
    let prices: FalPrice[] | null = null;
    for (const { display, data } of inputs) {
      if (isFalPricingResponse(data)) {
        const r = readFalPricing(data, display);
        problems.push(...r.problems);
        (prices ??= []).push(...r.prices);
        continue;
      }
      const page = readFalPage(data, display);
      problems.push(...page.problems);
      items.push(...page.items);
    }
    const fatal = problems.filter((p) => p.severity === 'error');
    if (fatal.length > 0) throw new HubError(`${fatal.length} problem(s) in the FAL files; the snapshot was not changed`, { diagnostics: fatal });
    const old = await readFalState(root);
    const c = await commitFal(root, { items, prices, meta: null }, old);
    const unavailable = c.listing.models.filter((m) => m.openapi.status !== 'available').map((m) => m.endpoint_id);
    const notes = prices === null && c.carriedPrices > 0 ? [`no pricing file given: kept ${c.carriedPrices} price(s) from the previous snapshot`] : [];
    const result: ProviderResult = {
      provider,
      ok: true,
      models: c.listing.models.length,
      documents: c.listing.models.length - unavailable.length,
      unavailable,
      change: c.change,
      problems: [...problems, ...c.problems],
      notes,
    };
    return finishFetch(root, [result], [falDrift({ before: old.listing, after: c.listing, notes })], false);
  }
  const models: CometModel[] = [];
  let api: CometApiModel[] | null = null;
  for (const { display, data } of inputs) {
    if (isCometApiModelsResponse(data)) {
      const r = readCometApiModels(data, display);
      problems.push(...r.problems);
      (api ??= []).push(...r.models);
      continue;
    }
    const r = readCometModels(data, display);
    problems.push(...r.problems);
    models.push(...r.models);
  }
  const fatal = problems.filter((p) => p.severity === 'error');
  if (fatal.length > 0) throw new HubError(`${fatal.length} problem(s) in the Comet catalog; the snapshot was not changed`, { diagnostics: fatal });
  if (models.length === 0 && api !== null) throw new HubError('--from for comet needs a /v1/models response too (the /api/models catalog alone does not say which models the key can call)');
  const old = await readCometState(root);
  const c = await commitComet(root, { models, api, meta: null }, old);
  const result: ProviderResult = { provider, ok: true, models: c.catalog.models.length, documents: 0, unavailable: [], change: c.change, problems, notes: [] };
  return finishFetch(root, [result], [cometDrift({ before: { v1: old.v1, api: old.api }, after: { v1: c.catalog, api: c.api } })], false);
}

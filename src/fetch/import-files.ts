import { resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { HubError } from '../core/errors.js';
import { displayPath } from '../core/paths.js';
import { readDataFile } from '../core/read.js';
import { readFalPage } from './fal/pages.js';
import { isFalPricingResponse, readFalPricing } from './fal/pricing.js';
import { readCometModels } from './comet/catalog.js';
import { isCometApiModelsResponse, readCometApiModels } from './comet/api-catalog.js';
import { commitComet, commitFal } from './commit.js';
import { cometDrift, falDrift, modelChanges } from './drift.js';
import { finishFetch, type FetchRunResult, type ProviderResult } from './finish.js';
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
    const { main: items, extra: prices } = readInputs(inputs, problems, 'the FAL files', {
      main: readFalPage,
      isExtra: isFalPricingResponse,
      extra: (data, display) => { const { prices: items, problems } = readFalPricing(data, display); return { items, problems }; },
    });
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
      problems: [...old.problems, ...problems, ...c.problems],
      notes,
    };
    const changes = await modelChanges(old.listing, c.listing, c.files);
    return finishFetch(root, [result], [falDrift({ before: old.listing, after: c.listing, changes, notes })], false);
  }
  const { main: models, extra: api } = readInputs(inputs, problems, 'the Comet catalog', {
    main: (data, display) => { const { models: items, problems } = readCometModels(data, display); return { items, problems }; },
    isExtra: isCometApiModelsResponse,
    extra: (data, display) => { const { models: items, problems } = readCometApiModels(data, display); return { items, problems }; },
  });
  if (models.length === 0 && api !== null) throw new HubError('--from for comet needs a /v1/models response too (the /api/models catalog alone does not say which models the key can call)');
  const old = await readCometState(root);
  const c = await commitComet(root, { models, api, meta: null }, old);
  const result: ProviderResult = { provider, ok: true, models: c.catalog.models.length, documents: 0, unavailable: [], change: c.change, problems: [...old.problems, ...problems], notes: [] };
  return finishFetch(root, [result], [cometDrift({ before: { v1: old.v1, api: old.api }, after: { v1: c.catalog, api: c.api } })], false);
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

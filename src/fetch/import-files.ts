import { resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { HubError } from '../core/errors.js';
import { displayPath, projectPaths } from '../core/paths.js';
import { readDataFile } from '../core/read.js';
import { readFalPage } from './fal/pages.js';
import { isFalPricingResponse, readFalPricing } from './fal/pricing.js';
import { readCometModels } from './comet/catalog.js';
import { isCometApiModelsResponse, readCometApiModels } from './comet/api-catalog.js';
import { commitComet, commitFal } from './commit.js';
import { cometDrift, falDrift } from './drift.js';
import { finishFetch, type FetchRunResult, type ProviderResult } from './finish.js';
import { readCometState, readFalState } from './state.js';
import { planFalImport } from './fal/partial.js';
import { rebuildFalItems } from './fal/old-items.js';

export interface ImportOptions {
  /** Replace the snapshot with exactly the files, even when they are only part of the catalog. */
  prune?: boolean;
  /** Work everything out, write nothing. */
  dryRun?: boolean;
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
  const dryRun = options.dryRun === true;
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
    const plan = planFalImport(items, old.listing);
    const notes: string[] = [];
    let merged = items;
    let mergedPrices = prices;
    if (!plan.whole && !options.prune && plan.notInFiles.length > 0) {
      const kept = await rebuildFalItems(projectPaths(root).falDir, plan.notInFiles);
      if (kept === null) {
        throw new HubError(
          `fal: the files hold only part of the catalog (no ${listSome(plan.missingCategories)}), and the snapshot's own documents cannot be read back to merge them (a file is missing or was edited). ` +
            `Nothing was written. Restore specs/providers/fal/ (git checkout), or replace the snapshot with exactly these files with --prune (it would remove ${plan.notInFiles.length} model(s)).`,
        );
      }
      merged = [...kept, ...items];
      if (prices !== null) {
        const given = new Set(prices.map((p) => p.endpoint_id));
        mergedPrices = [...plan.notInFiles.flatMap((m) => (m.pricing && !given.has(m.endpoint_id) ? [{ endpoint_id: m.endpoint_id, ...m.pricing }] : [])), ...prices];
      }
      notes.push(
        `the files hold part of the catalog (no ${listSome(plan.missingCategories)}): ${dryRun ? 'would merge' : 'merged'} ${items.length} model(s) into the snapshot, keeping the ${kept.length} model(s) not in the files; ` +
          `to replace the snapshot with exactly these files, removing those ${kept.length}, add --prune`,
      );
    } else if (plan.notInFiles.length > 0) {
      notes.push(`${options.prune ? '--prune: ' : 'the files hold every category of the snapshot: '}${plan.notInFiles.length} model(s) not in the files ${dryRun ? 'would be' : 'were'} removed`);
    }
    const c = await commitFal(root, { items: merged, prices: mergedPrices, meta: null }, old, { dryRun });
    const unavailable = c.listing.models.filter((m) => m.openapi.status !== 'available').map((m) => m.endpoint_id);
    if (prices === null && c.carriedPrices > 0) notes.push(`no pricing file given: kept ${c.carriedPrices} price(s) from the previous snapshot`);
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
    return finishFetch(root, [result], [falDrift({ before: old.listing, after: c.listing, notes })], false, dryRun);
  }
  const { main: models, extra: api } = readInputs(inputs, problems, 'the Comet catalog', {
    main: (data, display) => { const { models: items, problems } = readCometModels(data, display); return { items, problems }; },
    isExtra: isCometApiModelsResponse,
    extra: (data, display) => { const { models: items, problems } = readCometApiModels(data, display); return { items, problems }; },
  });
  if (models.length === 0 && api !== null) throw new HubError('--from for comet needs a /v1/models response too (the /api/models catalog alone does not say which models the key can call)');
  const old = await readCometState(root);
  const c = await commitComet(root, { models, api, meta: null }, old, { dryRun });
  const result: ProviderResult = { provider, ok: true, models: c.catalog.models.length, documents: 0, unavailable: [], change: c.change, problems: [...old.problems, ...problems], notes: [] };
  return finishFetch(root, [result], [cometDrift({ before: { v1: old.v1, api: old.api }, after: { v1: c.catalog, api: c.api } })], false, dryRun);
}

/** `a, b, c` or `a, b, c and 7 more`. */
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

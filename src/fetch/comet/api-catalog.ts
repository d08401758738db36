import type { Diagnostic } from '../../core/diagnostic.js';
import { cmp } from '../../core/diagnostic.js';
import { isObject, type JsonObject } from '../../core/json.js';
import { pointer } from '../../core/pointer.js';

/**
 * One item of Comet's public catalog `GET /api/models` (provider-apis.md §2.4):
 * `{id, provider, model_type, features[], pricing{currency, input, output,
 * per_request, per_second}, api_doc_url}`. Kept as received (the fields beyond
 * `id` are documented only by example), so nothing the catalog says is lost.
 */
export type CometApiModel = JsonObject & { id: string };

export interface CometApiCatalog {
  provider: 'comet';
  source: string;
  /** The date (YYYY-MM-DD) the catalog was read: the date of its prices. Absent in catalogs written before it was recorded. */
  asOf?: string;
  models: CometApiModel[];
}

export const COMET_API_MODELS_SOURCE = 'https://api.cometapi.com/api/models';

/** Does a saved response look like `/api/models` (catalog items) rather than `/v1/models` (OpenAI list items)? */
export function isCometApiModelsResponse(data: unknown): boolean {
  const list = isObject(data) && Array.isArray(data.data) ? data.data : undefined;
  if (!list) return false;
  if (isObject(data) && (typeof data.page_size === 'number' || typeof data.total === 'number') && data.object === undefined) return true;
  return list.some((m: unknown) => isObject(m) && m.object === undefined && ('model_type' in m || 'pricing' in m || 'features' in m));
}

/** Read `/api/models` leniently: `data[]` items with a string `id`; others are reported and skipped. */
export function readCometApiModels(data: unknown, file: string): { models: CometApiModel[]; total: number | null; problems: Diagnostic[] } {
  const problems: Diagnostic[] = [];
  if (!isObject(data) || !Array.isArray(data.data)) {
    problems.push({
      ruleId: 'comet-catalog-shape',
      severity: 'error',
      message: 'not a Comet /api/models response: expected an object with a `data` array',
      file,
      pointer: '',
    });
    return { models: [], total: null, problems };
  }
  if (data.success === false) {
    problems.push({ ruleId: 'comet-catalog-shape', severity: 'error', message: 'Comet /api/models answered `success: false`', file, pointer: '/success' });
  }
  const models: CometApiModel[] = [];
  data.data.forEach((raw: unknown, i: number) => {
    if (!isObject(raw) || typeof raw.id !== 'string' || raw.id === '') {
      problems.push({
        ruleId: 'comet-catalog-shape',
        severity: 'warn',
        message: 'catalog item has no string `id`; skipped',
        file,
        pointer: pointer('data', i),
      });
      return;
    }
    models.push(raw as CometApiModel);
  });
  const total = typeof data.total === 'number' ? data.total : null;
  if (total !== null && total > data.data.length && (data.page_size === 0 || data.page_size === undefined)) {
    problems.push({
      ruleId: 'comet-catalog-total',
      severity: 'warn',
      message: `the catalog says total ${total} but returned ${data.data.length} models`,
      file,
      pointer: '/total',
    });
  }
  return { models, total, problems };
}

/** The catalog file content: sorted by id, duplicates dropped (first wins). */
export function buildCometApiCatalog(models: readonly CometApiModel[], source = COMET_API_MODELS_SOURCE, asOf?: string): CometApiCatalog {
  const byId = new Map<string, CometApiModel>();
  for (const m of models) if (!byId.has(m.id)) byId.set(m.id, m);
  return { provider: 'comet', source, ...(asOf ? { asOf } : {}), models: [...byId.values()].sort((a, b) => cmp(a.id, b.id)) };
}

import type { Diagnostic } from '../../core/diagnostic.js';
import { cmp } from '../../core/diagnostic.js';
import { isObject } from '../../core/json.js';
import { pointer } from '../../core/pointer.js';

/** One item of Comet's `GET /v1/models` (provider-apis.md §2.3). */
export interface CometModel {
  id: string;
  object: string;
  created: number | null;
  owned_by: string | null;
  supported_endpoint_types: string[];
}

export interface CometCatalog {
  provider: 'comet';
  source: string;
  models: CometModel[];
}

/**
 * Read Comet's `/v1/models` leniently: the OpenAI envelope `{object, data}` (with
 * or without new-api's `success`), or a bare array of items. Unknown keys are
 * ignored; items without a string `id` are reported and skipped.
 */
export function readCometModels(data: unknown, file: string): { models: CometModel[]; problems: Diagnostic[] } {
  const problems: Diagnostic[] = [];
  const list = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.data) ? data.data : undefined;
  const base = Array.isArray(data) ? '' : '/data';
  if (!list) {
    problems.push({
      ruleId: 'comet-models-shape',
      severity: 'error',
      message: 'not a Comet /v1/models response: expected `data[]` or an array of models',
      file,
      pointer: '',
    });
    return { models: [], problems };
  }
  const models: CometModel[] = [];
  list.forEach((raw: unknown, i: number) => {
    if (!isObject(raw) || typeof raw.id !== 'string' || raw.id === '') {
      problems.push({ ruleId: 'comet-models-shape', severity: 'warn', message: 'model item has no string `id`; skipped', file, pointer: base + pointer(i) });
      return;
    }
    models.push({
      id: raw.id,
      object: typeof raw.object === 'string' ? raw.object : 'model',
      created: typeof raw.created === 'number' ? raw.created : null,
      owned_by: typeof raw.owned_by === 'string' ? raw.owned_by : null,
      supported_endpoint_types: Array.isArray(raw.supported_endpoint_types)
        ? raw.supported_endpoint_types.filter((t): t is string => typeof t === 'string')
        : [],
    });
  });
  return { models, problems };
}

/** The catalog file content: sorted by id, duplicates dropped (first wins), deterministic. */
export function buildCometCatalog(models: readonly CometModel[], source = 'https://api.cometapi.com/v1/models'): CometCatalog {
  const byId = new Map<string, CometModel>();
  for (const m of models) if (!byId.has(m.id)) byId.set(m.id, m);
  return { provider: 'comet', source, models: [...byId.values()].sort((a, b) => cmp(a.id, b.id)) };
}

import type { Diagnostic } from '../../core/diagnostic.js';
import { HubError } from '../../core/errors.js';
import type { Emit } from '../events.js';
import type { HttpClient, JsonResponse } from '../http.js';
import type { FetchMeta } from '../meta.js';
import type { CometState } from '../state.js';
import { readCometModels, type CometModel } from './catalog.js';
import { readCometApiModels, type CometApiModel } from './api-catalog.js';

export const COMET_DEFAULT_BASE_URL = 'https://api.cometapi.com';

export interface CometLiveOptions {
  http: HttpClient;
  /** `https://api.cometapi.com` (a trailing `/v1` is accepted); COMET_API_BASE_URL overrides it. */
  baseUrl: string;
  key: string;
  old: CometState;
  emit: Emit;
  signal: AbortSignal;
  fetchedAt: string;
}

export interface CometLiveResult {
  models: CometModel[];
  api: CometApiModel[];
  meta: FetchMeta;
  problems: Diagnostic[];
}

export function cometHostRoot(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '');
}

/**
 * Fetch Comet's two catalogs at once: `GET /v1/models` (Bearer; the models the
 * key can call) and the public `GET /api/models` (provider, type, pricing).
 * Both are required: if either fails the other is cancelled and the error thrown.
 */
export async function fetchCometLive(o: CometLiveOptions): Promise<CometLiveResult> {
  const host = cometHostRoot(o.baseUrl);
  const meta: FetchMeta = { provider: 'comet', fetchedAt: o.fetchedAt, requests: {} };
  const problems: Diagnostic[] = [];
  const stop = new AbortController();
  const signal = AbortSignal.any([o.signal, stop.signal]);

  const v1Url = `${host}/v1/models`;
  const apiUrl = `${host}/api/models`;
  const get = async (
    url: string,
    label: string,
    headers: Record<string, string>,
    cachedFrom: unknown[] | null,
  ): Promise<{ data: unknown; cached: unknown[] | null }> => {
    const entry = o.old.meta?.requests[url];
    let res: JsonResponse = await o.http.getJson(url, { label, headers, etag: cachedFrom ? (entry?.etag ?? null) : null, signal });
    if (res.status === 304) {
      if (entry && cachedFrom) {
        meta.requests[url] = entry;
        return { data: undefined, cached: cachedFrom };
      }
      res = await o.http.getJson(url, { label, headers, signal });
    }
    if (res.status !== 200) throw new HubError(`${label}: unexpected HTTP ${res.status} from GET ${url}`);
    if (res.etag) meta.requests[url] = { etag: res.etag };
    return { data: res.data, cached: null };
  };

  let v1Cached = false;
  const v1 = (async (): Promise<CometModel[]> => {
    const r = await get(v1Url, 'comet: /v1/models', { authorization: `Bearer ${o.key}` }, o.old.v1?.models ?? null);
    v1Cached = r.cached !== null;
    if (r.cached) return r.cached as CometModel[];
    const read = readCometModels(r.data, v1Url);
    const fatal = read.problems.filter((p) => p.severity === 'error');
    if (fatal.length > 0) throw new HubError(`comet: /v1/models: ${fatal[0]!.message}`, { diagnostics: fatal });
    problems.push(...read.problems);
    return read.models;
  })();
  const api = (async (): Promise<CometApiModel[]> => {
    // Public and documented without auth: the key is not sent where it is not needed.
    const r = await get(apiUrl, 'comet: /api/models', {}, o.old.api?.models ?? null);
    if (r.cached) return r.cached as CometApiModel[];
    const read = readCometApiModels(r.data, apiUrl);
    const fatal = read.problems.filter((p) => p.severity === 'error');
    if (fatal.length > 0) throw new HubError(`comet: /api/models: ${fatal[0]!.message}`, { diagnostics: fatal });
    problems.push(...read.problems);
    return read.models;
  })();
  try {
    const [models, catalog] = await Promise.all([v1, api]);
    o.emit({ type: 'page', provider: 'comet', page: 1, models: models.length, cached: v1Cached });
    return { models, api: catalog, meta, problems };
  } catch (err) {
    stop.abort();
    await Promise.allSettled([v1, api]);
    throw err;
  }
}

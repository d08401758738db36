import { isObject } from '../core/json.js';
import { cmp } from '../core/diagnostic.js';

/**
 * `.fetch-meta.json`, beside the content files of a provider snapshot and
 * swapped in with them, so it always describes exactly the snapshot it sits
 * in. It holds what does not belong in the content files: when the snapshot was
 * fetched, and the ETags that make the next fetch conditional. For each ETag it
 * keeps what is needed to rebuild that response from the snapshot when the
 * server answers 304 (the endpoint ids of a page, its cursor).
 */
export const META_FILE = '.fetch-meta.json';

export interface MetaEntry {
  etag: string;
  /** Endpoint ids the response held (FAL pages and pricing). */
  ids?: string[];
  next_cursor?: string | null;
  has_more?: boolean;
}

export interface FetchMeta {
  provider: 'fal' | 'comet';
  fetchedAt: string;
  requests: Record<string, MetaEntry>;
}

export function parseMeta(data: unknown, provider: 'fal' | 'comet'): FetchMeta | null {
  if (!isObject(data) || data.provider !== provider || !isObject(data.requests)) return null;
  const requests: Record<string, MetaEntry> = {};
  for (const [url, raw] of Object.entries(data.requests)) {
    if (!isObject(raw) || typeof raw.etag !== 'string' || raw.etag === '') continue;
    const e: MetaEntry = { etag: raw.etag };
    if (Array.isArray(raw.ids)) e.ids = raw.ids.filter((x): x is string => typeof x === 'string');
    if (typeof raw.next_cursor === 'string' || raw.next_cursor === null) e.next_cursor = raw.next_cursor;
    if (typeof raw.has_more === 'boolean') e.has_more = raw.has_more;
    requests[url] = e;
  }
  return { provider, fetchedAt: typeof data.fetchedAt === 'string' ? data.fetchedAt : '', requests };
}

export function serializeMeta(meta: FetchMeta): string {
  const requests: Record<string, MetaEntry> = {};
  for (const url of Object.keys(meta.requests).sort(cmp)) requests[url] = meta.requests[url]!;
  return JSON.stringify({ provider: meta.provider, fetchedAt: meta.fetchedAt, requests }, null, 2) + '\n';
}

import type { Diagnostic } from '../../core/diagnostic.js';
import { HubError } from '../../core/errors.js';
import { isObject } from '../../core/json.js';
import { projectPaths } from '../../core/paths.js';
import type { Emit } from '../events.js';
import { FetchError, type HttpClient, type JsonResponse } from '../http.js';
import type { FetchMeta, MetaEntry } from '../meta.js';
import type { FalState } from '../state.js';
import { readCursor, readFalPage } from './pages.js';
import { FAL_PRICING_BATCH, readFalPricing } from './pricing.js';
import { falApiRoot } from './urls.js';
import type { FalModelItem, FalPrice } from './types.js';
import { rebuildFalItems } from './old-items.js';

/** No real catalog comes near this; it stops a server whose cursors never repeat and never end. */
export const FAL_MAX_PAGES = 10_000;

export interface FalKey {
  /** The variable it came from, for messages: FAL_API_KEY or FAL_KEY. */
  name: string;
  value: string;
}

export interface FalLiveOptions {
  http: HttpClient;
  /** `https://api.fal.ai` (or `…/v1`); FAL_API_BASE_URL overrides it. */
  baseUrl: string;
  key: FalKey | null;
  old: FalState;
  root: string;
  emit: Emit;
  signal: AbortSignal;
  fetchedAt: string;
  maxPages?: number;
  /** Called with each page's items as it arrives (in page order), e.g. to stage their documents. */
  onPage?: (items: readonly FalModelItem[]) => void;
}

export interface FalLiveResult {
  items: FalModelItem[];
  /** null when prices were not fetched (no key). */
  prices: FalPrice[] | null;
  meta: FetchMeta;
  problems: Diagnostic[];
  notes: string[];
  /** Ids gone from the active list that FAL now reports as deprecated. */
  deprecated: string[];
}

export function falListUrl(apiRoot: string, cursor: string | null): string {
  const u = new URL(`${apiRoot}/models`);
  u.searchParams.set('status', 'active');
  u.searchParams.set('expand', 'openapi-3.0');
  if (cursor !== null) u.searchParams.set('cursor', cursor);
  return u.toString();
}

export function falPricingUrl(apiRoot: string, ids: readonly string[], cursor: string | null): string {
  const u = new URL(`${apiRoot}/models/pricing`);
  for (const id of ids) u.searchParams.append('endpoint_id', id);
  if (cursor !== null) u.searchParams.set('cursor', cursor);
  return u.toString();
}

/** What every request of one FAL fetch shares. */
interface FalRequests {
  readonly o: FalLiveOptions;
  /** The API root (`…/v1`). */
  readonly api: string;
  readonly headers: Record<string, string>;
  /** Aborted by the caller, or when the listing fails. */
  readonly signal: AbortSignal;
  readonly old: OldFal;
}

/**
 * Fetch FAL's catalog: every page of `GET /v1/models?status=active&expand=openapi-3.0`
 * (sequential, as the cursor demands), and, with a key, the prices of every
 * listed endpoint in batches of 50 that run while the next pages are fetched.
 * Any failure throws, and the caller keeps the previous snapshot.
 */
export async function fetchFalLive(o: FalLiveOptions): Promise<FalLiveResult> {
  const api = falApiRoot(o.baseUrl);
  const headers: Record<string, string> = o.key ? { authorization: `Key ${o.key.value}` } : {};
  const meta: FetchMeta = { provider: 'fal', fetchedAt: o.fetchedAt, requests: {} };
  const problems: Diagnostic[] = [];
  const notes: string[] = [];
  const old = new OldFal(o.root, o.old);
  // Pricing requests and the deprecated lookup stop when the listing fails.
  const stop = new AbortController();
  const signal = AbortSignal.any([o.signal, stop.signal]);

  if (!o.key) {
    notes.push('FAL_API_KEY (or FAL_KEY) is not set: listing models without a key (lower rate limits); prices need a key and were not refreshed');
  }

  const requests: FalRequests = { o, api, headers, signal, old };
  const pricing = o.key ? new PricingQueue(requests, meta, problems, notes) : null;
  const items: FalModelItem[] = [];
  const listing = new FalListing(requests);
  try {
    await listing.readAll((got, page) => {
      if (got.meta) meta.requests[got.url] = got.meta;
      items.push(...got.items);
      o.onPage?.(got.items);
      pricing?.add(got.items.map((i) => i.endpoint_id));
      o.emit({ type: 'page', provider: 'fal', page, models: items.length, cached: got.cached });
    });
    await listing.settle();
    pricing?.flush();
    const listed = new Set(items.map((i) => i.endpoint_id));
    const [prices, deprecated] = await Promise.all([
      pricing ? pricing.done() : Promise.resolve(null),
      lookUpDeprecated(
        o,
        api,
        headers,
        signal,
        [...old.ids()].filter((id) => !listed.has(id)),
        notes,
      ),
    ]);
    return { items, prices: prices ? prices.filter((p) => listed.has(p.endpoint_id)) : null, meta, problems, notes, deprecated };
  } catch (err) {
    stop.abort();
    await listing.settle();
    await pricing?.settle();
    throw err;
  }
}

/**
 * The pages of the listing, in order, following the cursors. When they are page numbers (see
 * `pageNumberCursor`), the next few pages are requested ahead of their turn.
 */
class FalListing {
  /** Pages requested ahead of their turn, by page number. */
  private readonly ahead = new Map<number, { cursor: string; result: Promise<PageResult> }>();
  private readonly stopAhead = new AbortController();
  private readonly aheadSignal: AbortSignal;
  private readonly lookahead: number;
  private readonly maxPages: number;
  /** The cursor of page n, while the cursors are what it guesses. */
  private predict: ((n: number) => string) | null = null;

  constructor(private readonly req: FalRequests) {
    this.aheadSignal = AbortSignal.any([req.signal, this.stopAhead.signal]);
    this.lookahead = Math.max(1, Math.floor(req.o.http.settings.concurrency) - 1);
    this.maxPages = req.o.maxPages ?? FAL_MAX_PAGES;
  }

  /** Every page in turn to `onPage`, until one says there is no more; a broken pagination throws. */
  async readAll(onPage: (got: PageResult, page: number) => void): Promise<void> {
    let cursor: string | null = null;
    const seen = new Set<string>();
    for (let page = 1; ; page++) {
      if (page > this.maxPages) throw new HubError(`fal: more than ${this.maxPages} pages of /v1/models; stopping (the server keeps returning new cursors)`);
      const label = `fal: /v1/models page ${page}`;
      const got = await this.pageAt(page, cursor, label);
      onPage(got, page);
      if (!got.hasMore) return;
      if (got.nextCursor === null)
        throw new HubError(`${label}: has_more is true but next_cursor is empty; cannot continue, and a partial catalog is not written`);
      if (seen.has(got.nextCursor) || got.nextCursor === cursor) {
        throw new HubError(`${label}: the server returned cursor ${JSON.stringify(got.nextCursor)} again (pagination loop); stopping`);
      }
      seen.add(got.nextCursor);
      cursor = got.nextCursor;
      if (page === 1 && this.lookahead > 1) this.predict = pageNumberCursor(cursor, 2);
      if (this.predict && this.predict(page + 1) !== cursor) this.predict = null;
      if (this.predict) this.requestAhead(page, this.predict);
    }
  }

  /** Page `page`: the one requested ahead if it was requested with `cursor`, else requested now. */
  private async pageAt(page: number, cursor: string | null, label: string): Promise<PageResult> {
    const early = this.ahead.get(page);
    this.ahead.delete(page);
    if (early && early.cursor === cursor) return await early.result;
    if (early) this.predict = null; // the cursors are not what we guessed: back to one page at a time
    const { o, api, headers, signal, old } = this.req;
    return await getPage(o, falListUrl(api, cursor), label, headers, signal, old);
  }

  /** Request the pages after `page` (up to the lookahead) with the cursors `predict` guesses. */
  private requestAhead(page: number, predict: (n: number) => string): void {
    for (let k = page + 1; k <= Math.min(page + this.lookahead, this.maxPages); k++) {
      if (this.ahead.has(k)) continue;
      const c = predict(k);
      const result = getPage(this.req.o, falListUrl(this.req.api, c), `fal: /v1/models page ${k}`, this.req.headers, this.aheadSignal, this.req.old);
      result.catch(() => undefined); // awaited when its turn comes; pages past the end are dropped
      this.ahead.set(k, { cursor: c, result });
    }
  }

  /** Stop the pages requested ahead and wait until they have settled. */
  async settle(): Promise<void> {
    this.stopAhead.abort();
    await Promise.allSettled([...this.ahead.values()].map((a) => a.result));
  }
}

/**
 * FAL documents its cursor as encoding the page number (`"Mg=="` is base64 of
 * "2"). When page 1's `next_cursor` is exactly that, the next few pages are
 * requested at once, so the listing is not one round trip per page. A guessed
 * page is used only if the previous page's `next_cursor` turns out to be the
 * cursor it was requested with; on any mismatch the fetch goes back to one page
 * at a time. The result is the same as following the cursors one by one.
 */
export function pageNumberCursor(nextCursor: string, page: number): ((n: number) => string) | null {
  const encode = (n: number): string => Buffer.from(String(n), 'utf8').toString('base64');
  return nextCursor === encode(page) ? encode : null;
}

interface PageResult {
  url: string;
  items: FalModelItem[];
  nextCursor: string | null;
  hasMore: boolean;
  cached: boolean;
  /** What to remember for a conditional request next time. */
  meta: MetaEntry | null;
}

async function getPage(o: FalLiveOptions, url: string, label: string, headers: Record<string, string>, signal: AbortSignal, old: OldFal): Promise<PageResult> {
  const entry = old.entry(url);
  let res: JsonResponse = await o.http.getJson(url, { label, headers, etag: entry?.etag ?? null, signal });
  if (res.status === 304 && entry) {
    const items = entry.ids && entry.has_more !== undefined ? await old.rebuildItems(entry.ids) : null;
    if (items) return { url, items, nextCursor: entry.next_cursor ?? null, hasMore: entry.has_more ?? false, cached: true, meta: entry };
    // The snapshot cannot rebuild this page: ask again without the condition.
    res = await o.http.getJson(url, { label, headers, signal });
  }
  if (res.status !== 200) throw new HubError(`${label}: unexpected HTTP ${res.status} from GET ${url}`);
  const page = readFalPage(res.data, url);
  const fatal = page.problems.filter((p) => p.severity === 'error');
  if (fatal.length > 0)
    throw new HubError(`${label}: ${fatal[0]!.message}${fatal.length > 1 ? ` (and ${fatal.length - 1} more)` : ''}`, { diagnostics: fatal });
  // readFalPage accepted the data: it is an object.
  const { nextCursor, hasMore } = readCursor(res.data as Record<string, unknown>);
  const entry2: MetaEntry | null = res.etag ? { etag: res.etag, ids: page.items.map((i) => i.endpoint_id), next_cursor: nextCursor, has_more: hasMore } : null;
  return { url, items: page.items, nextCursor, hasMore, cached: false, meta: entry2 };
}

/**
 * Prices in batches of at most 50 endpoint ids (`endpoint_id` repeated). A
 * batch is sent as soon as 50 ids are listed, so pricing overlaps the listing.
 * A 404 for a batch is split in halves until the ids without a price are
 * isolated (FAL may refuse a whole batch for one unknown id).
 */
class PricingQueue {
  private buffer: string[] = [];
  private readonly pending: Array<Promise<FalPrice[]>> = [];
  private requested = 0;
  private finished = 0;

  constructor(
    private readonly req: FalRequests,
    private readonly meta: FetchMeta,
    private readonly problems: Diagnostic[],
    private readonly notes: string[],
  ) {}

  add(ids: readonly string[]): void {
    this.buffer.push(...ids);
    while (this.buffer.length >= FAL_PRICING_BATCH) this.dispatch(this.buffer.splice(0, FAL_PRICING_BATCH));
  }

  flush(): void {
    if (this.buffer.length > 0) this.dispatch(this.buffer.splice(0));
  }

  async done(): Promise<FalPrice[]> {
    const all = await Promise.all(this.pending);
    const byId = new Map<string, FalPrice>();
    for (const p of all.flat()) byId.set(p.endpoint_id, p);
    return [...byId.values()];
  }

  async settle(): Promise<void> {
    await Promise.allSettled(this.pending);
  }

  private dispatch(ids: string[]): void {
    this.requested += ids.length;
    const p = this.batch(ids).then((prices) => {
      this.finished += ids.length;
      this.req.o.emit({ type: 'pricing', provider: 'fal', done: this.finished, total: this.requested });
      return prices;
    });
    p.catch(() => undefined); // awaited in done(); never an unhandled rejection meanwhile
    this.pending.push(p);
  }

  private async batch(ids: string[]): Promise<FalPrice[]> {
    const out: FalPrice[] = [];
    let cursor: string | null = null;
    const seen = new Set<string>();
    for (;;) {
      const url = falPricingUrl(this.req.api, ids, cursor);
      const label = `fal: /v1/models/pricing (${ids.length} endpoint${ids.length === 1 ? '' : 's'}${ids.length === 1 ? `: ${ids[0]}` : ''})`;
      const entry = this.req.old.entry(url);
      let res: JsonResponse;
      try {
        res = await this.req.o.http.getJson(url, { label, headers: this.req.headers, etag: entry?.etag ?? null, signal: this.req.signal });
        if (res.status === 304 && entry) {
          const prices = entry.ids && entry.has_more !== undefined ? this.req.old.rebuildPrices(entry.ids) : null;
          if (prices) {
            this.meta.requests[url] = entry;
            out.push(...prices);
            if (!entry.has_more || !entry.next_cursor) return out;
            cursor = entry.next_cursor;
            continue;
          }
          res = await this.req.o.http.getJson(url, { label, headers: this.req.headers, signal: this.req.signal });
        }
      } catch (err) {
        if (err instanceof FetchError && err.status === 404 && cursor === null) {
          if (ids.length === 1) {
            this.notes.push(`no price for ${ids[0]} (pricing answered 404)`);
            return [];
          }
          const half = Math.ceil(ids.length / 2);
          const [a, b] = await Promise.all([this.batch(ids.slice(0, half)), this.batch(ids.slice(half))]);
          return [...a, ...b];
        }
        throw err;
      }
      if (res.status !== 200) throw new HubError(`${label}: unexpected HTTP ${res.status} from GET ${url}`);
      const r = readFalPricing(res.data, url);
      const fatal = r.problems.filter((p) => p.severity === 'error');
      if (fatal.length > 0) throw new HubError(`${label}: ${fatal[0]!.message}`, { diagnostics: fatal });
      this.problems.push(...r.problems);
      const asked = new Set(ids);
      out.push(...r.prices.filter((p) => asked.has(p.endpoint_id)));
      if (res.etag) this.meta.requests[url] = { etag: res.etag, ids: r.prices.map((p) => p.endpoint_id), next_cursor: r.nextCursor, has_more: r.hasMore };
      if (!r.hasMore || r.nextCursor === null) return out;
      if (seen.has(r.nextCursor)) throw new HubError(`${label}: the server returned cursor ${JSON.stringify(r.nextCursor)} again (pagination loop); stopping`);
      seen.add(r.nextCursor);
      cursor = r.nextCursor;
    }
  }
}

/**
 * Models that left the active list: ask FAL about them by id (Find mode, no
 * status filter) to tell "deprecated" from "gone". Only informs the drift
 * report, so a failure here is a note, not an error.
 */
async function lookUpDeprecated(
  o: FalLiveOptions,
  api: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  removed: string[],
  notes: string[],
): Promise<string[]> {
  if (removed.length === 0) return [];
  const deprecated: string[] = [];
  try {
    for (let i = 0; i < removed.length; i += FAL_PRICING_BATCH) {
      const ids = removed.slice(i, i + FAL_PRICING_BATCH);
      let cursor: string | null = null;
      const seen = new Set<string>();
      for (let page = 0; page < 100; page++) {
        const u = new URL(`${api}/models`);
        for (const id of ids) u.searchParams.append('endpoint_id', id);
        if (cursor !== null) u.searchParams.set('cursor', cursor);
        let res: JsonResponse;
        try {
          res = await o.http.getJson(u.toString(), { label: `fal: status of ${ids.length} model(s) no longer listed`, headers, signal });
        } catch (err) {
          if (err instanceof FetchError && err.status === 404) break;
          throw err;
        }
        const pageData = readFalPage(res.data, u.toString());
        for (const item of pageData.items) if (item.metadata?.status === 'deprecated') deprecated.push(item.endpoint_id);
        const data = isObject(res.data) ? res.data : {};
        const next = typeof data.next_cursor === 'string' && data.next_cursor !== '' ? data.next_cursor : null;
        if (data.has_more !== true || next === null || seen.has(next)) break;
        seen.add(next);
        cursor = next;
      }
    }
  } catch (err) {
    if (signal.aborted) throw err;
    notes.push(`could not ask FAL whether ${removed.length} model(s) no longer listed are deprecated: ${(err as Error).message}`);
  }
  return [...new Set(deprecated)].sort();
}

/** The previous snapshot, as far as a 304 needs it. */
class OldFal {
  private readonly byId: Map<string, NonNullable<FalState['listing']>['models'][number]>;
  constructor(
    private readonly root: string,
    private readonly state: FalState,
  ) {
    this.byId = new Map((state.listing?.models ?? []).map((m) => [m.endpoint_id, m] as const));
  }

  ids(): Iterable<string> {
    return this.byId.keys();
  }

  entry(url: string): MetaEntry | undefined {
    return this.state.meta?.requests[url];
  }

  /** The items of a page from the snapshot; null when anything is missing or does not match its hash. */
  async rebuildItems(ids: readonly string[]): Promise<FalModelItem[] | null> {
    const entries = [];
    for (const id of ids) {
      const m = this.byId.get(id);
      if (!m) return null;
      entries.push(m);
    }
    return rebuildFalItems(projectPaths(this.root).falDir, entries);
  }

  rebuildPrices(ids: readonly string[]): FalPrice[] | null {
    const out: FalPrice[] = [];
    for (const id of ids) {
      const p = this.byId.get(id)?.pricing;
      if (!p) return null;
      out.push({ endpoint_id: id, ...p });
    }
    return out;
  }
}

import ky, { HTTPError, TimeoutError, type KyInstance } from 'ky';
import pLimit, { type LimitFunction } from 'p-limit';
import { HubError } from '../core/errors.js';
import { isObject } from '../core/json.js';
import { parseRetryAfter } from '../core/retry-after.js';

/** Lives in core/retry-after.ts (dependency-free, shared with push/); re-exported for this module's callers. */

/**
 * HTTP for the fetch stage: JSON GETs with a timeout on every attempt (headers
 * and body), retries with exponential backoff and jitter, `Retry-After`
 * honoured with a cap, conditional requests, and one concurrency limit shared
 * by every request of a run.
 *
 * Built on ky (retry loop, backoff, Retry-After in seconds and HTTP-date forms,
 * clamped by `maxRetryAfter`) with p-limit for the concurrency bound. ky's own
 * timeout only covers the wait for the response headers, and a body that breaks
 * off or does not parse would surface after ky's retry loop. So the `fetch` we
 * give ky reads and parses the whole body inside the attempt: a hanging or
 * truncated body times out or fails *that attempt*, and ky retries it.
 */
export interface HttpSettings {
  /** Per attempt, from sending the request to the last byte of the body. */
  timeoutMs: number;
  /** Retries after the first attempt. */
  retries: number;
  /** First backoff delay; doubles per retry, then jittered (between half and all of it). */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Cap on a server's `Retry-After`. */
  retryAfterMaxMs: number;
  /** Requests in flight at once, over the whole run (both providers). */
  concurrency: number;
  /** Refuse response bodies larger than this. */
  maxBodyBytes: number;
}

export const DEFAULT_HTTP_SETTINGS: HttpSettings = {
  timeoutMs: 60_000,
  retries: 4,
  backoffBaseMs: 1_000,
  backoffMaxMs: 30_000,
  retryAfterMaxMs: 120_000,
  concurrency: 4,
  maxBodyBytes: 64 * 1024 * 1024,
};

/**
 * Retried statuses. The issue names 429/502/503/504; 500 is added because
 * Comet's docs say to retry 500 with backoff, and these are idempotent GETs.
 * Every other 4xx fails at once (a bad key does not get better by retrying).
 */
export const RETRY_STATUS = [429, 500, 502, 503, 504] as const;

export type HttpEvent =
  | { type: 'retry'; label: string; url: string; retry: number; reason: string }
  | { type: 'response'; url: string; status: number; bytes: number };

export type FetchErrorKind = 'auth' | 'http' | 'network' | 'timeout' | 'invalid-json' | 'too-large' | 'aborted';

/** A request that failed for good (after its retries). Exit code 2 through HubError. */
export class FetchError extends HubError {
  readonly kind: FetchErrorKind;
  readonly url: string;
  readonly status: number | undefined;
  constructor(kind: FetchErrorKind, message: string, url: string, status?: number, cause?: unknown) {
    super(message, { cause });
    this.name = 'FetchError';
    this.kind = kind;
    this.url = url;
    this.status = status;
  }
}

export interface JsonResponse {
  /** 304 when the server confirmed the `etag` we sent; `data` is then undefined. */
  status: number;
  data: unknown;
  etag: string | null;
}

export interface GetOptions {
  /** Names the request in messages, e.g. `fal: /v1/models page 3`. */
  label: string;
  headers?: Record<string, string>;
  /** Send `If-None-Match` with this value. */
  etag?: string | null;
  signal?: AbortSignal;
}

export interface HttpStats {
  requests: number;
  retries: number;
  inFlight: number;
  maxInFlight: number;
}

class InvalidJsonError extends Error {
  override name = 'InvalidJsonError';
}
class TooLargeError extends Error {
  override name = 'TooLargeError';
}

/** ky copies `context` shallowly per request, so the counter lives in a nested object we keep a reference to. */
interface CallContext extends Record<string, unknown> {
  label: string;
  state: { retries: number };
}

export class HttpClient {
  readonly settings: HttpSettings;
  readonly stats: HttpStats = { requests: 0, retries: 0, inFlight: 0, maxInFlight: 0 };
  private readonly limit: LimitFunction;
  private readonly ky: KyInstance;
  private readonly parsed = new WeakMap<Response, unknown>();
  private readonly fetchImpl: typeof globalThis.fetch;
  private readonly onEvent: (e: HttpEvent) => void;
  private readonly signal: AbortSignal | undefined;

  constructor(
    settings: Partial<HttpSettings> = {},
    options: { fetch?: typeof globalThis.fetch; onEvent?: (e: HttpEvent) => void; signal?: AbortSignal; random?: () => number } = {},
  ) {
    this.settings = { ...DEFAULT_HTTP_SETTINGS, ...settings };
    const s = this.settings;
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.onEvent = options.onEvent ?? (() => {});
    this.signal = options.signal;
    this.limit = pLimit(Math.max(1, Math.floor(s.concurrency)));
    const random = options.random ?? Math.random;
    this.ky = ky.create({
      timeout: s.timeoutMs,
      throwHttpErrors: (status) => status !== 304,
      fetch: (input, init) => this.attempt(input, init),
      retry: {
        limit: s.retries,
        methods: ['get'],
        statusCodes: [...RETRY_STATUS],
        afterStatusCodes: [...RETRY_STATUS],
        maxRetryAfter: s.retryAfterMaxMs,
        backoffLimit: s.backoffMaxMs,
        delay: (attempt) => s.backoffBaseMs * 2 ** (attempt - 1),
        jitter: (delay) => delay / 2 + (random() * delay) / 2,
        retryOnTimeout: true,
        shouldRetry: ({ error }) => {
          if (this.signal?.aborted || error instanceof TooLargeError) return false;
          if (error.name === 'AbortError' && !(error instanceof TimeoutError)) return false;
          return undefined;
        },
      },
      hooks: {
        beforeRetry: [
          ({ request, options: o, error, retryCount }) => {
            const c = o.context as CallContext;
            c.state.retries = retryCount;
            this.stats.retries++;
            this.onEvent({ type: 'retry', label: c.label, url: request.url, retry: retryCount, reason: describeFailure(error, s.timeoutMs) });
          },
        ],
      },
    });
  }

  /** GET a JSON document. Throws FetchError when it fails for good. */
  async getJson(url: string, options: GetOptions): Promise<JsonResponse> {
    const signal = options.signal && this.signal ? AbortSignal.any([options.signal, this.signal]) : (options.signal ?? this.signal);
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'api-hub (BananaStudio API Hub)', ...options.headers };
    if (options.etag) headers['if-none-match'] = options.etag;
    const context: CallContext = { label: options.label, state: { retries: 0 } };
    if (signal?.aborted) throw aborted(options.label, url);
    return this.limit(async () => {
      if (signal?.aborted) throw aborted(options.label, url);
      let res: Response;
      try {
        res = await this.ky.get(url, { headers, context, ...(signal ? { signal } : {}) });
      } catch (err) {
        throw await this.toFetchError(err, url, context, signal);
      }
      const etag = res.headers.get('etag');
      if (res.status === 304) return { status: 304, data: undefined, etag: etag ?? options.etag ?? null };
      return { status: res.status, data: this.parsed.get(res), etag };
    });
  }

  /** One HTTP attempt: the whole body is read (size-capped) and parsed inside ky's timeout. */
  private async attempt(input: Request | URL | string, init?: RequestInit): Promise<Response> {
    this.stats.requests++;
    this.stats.inFlight++;
    this.stats.maxInFlight = Math.max(this.stats.maxInFlight, this.stats.inFlight);
    try {
      const res = await this.fetchImpl(input, init);
      const bytes = await readCapped(res, this.settings.maxBodyBytes);
      const headers = new Headers(res.headers);
      headers.delete('content-encoding');
      headers.delete('content-length');
      normalizeRetryAfter(headers);
      const nullBody = res.status === 204 || res.status === 205 || res.status === 304;
      const out = new Response(nullBody ? null : bytes, { status: res.status, statusText: res.statusText, headers });
      const url = input instanceof Request ? input.url : String(input);
      this.onEvent({ type: 'response', url, status: res.status, bytes: bytes.byteLength });
      if (res.ok && !nullBody) {
        const text = new TextDecoder('utf-8').decode(bytes);
        try {
          this.parsed.set(out, JSON.parse(text));
        } catch (err) {
          throw new InvalidJsonError(`invalid JSON (${bytes.byteLength} bytes): ${(err as Error).message}`);
        }
      }
      return out;
    } finally {
      this.stats.inFlight--;
    }
  }

  private async toFetchError(err: unknown, url: string, c: CallContext, signal: AbortSignal | undefined): Promise<FetchError> {
    const n = c.state.retries;
    const after = n > 0 ? ` (after ${n} ${n === 1 ? 'retry' : 'retries'})` : '';
    if (signal?.aborted) return aborted(c.label, url);
    if (err instanceof HTTPError) {
      const status = err.response.status;
      const detail = await errorDetail(err.response);
      const kind: FetchErrorKind = status === 401 || status === 403 ? 'auth' : 'http';
      return new FetchError(kind, `${c.label}: HTTP ${status}${err.response.statusText ? ` ${err.response.statusText}` : ''} from GET ${url}${detail ? `: ${detail}` : ''}${after}`, url, status, err);
    }
    if (err instanceof TimeoutError) {
      return new FetchError('timeout', `${c.label}: no complete response within ${this.settings.timeoutMs} ms from GET ${url}${after}`, url, undefined, err);
    }
    if (err instanceof InvalidJsonError) return new FetchError('invalid-json', `${c.label}: ${err.message} from GET ${url}${after}`, url, undefined, err);
    if (err instanceof TooLargeError) return new FetchError('too-large', `${c.label}: ${err.message} from GET ${url}`, url, undefined, err);
    return new FetchError('network', `${c.label}: ${describeFailure(err, this.settings.timeoutMs)} on GET ${url}${after}`, url, undefined, err);
  }
}

function aborted(label: string, url: string): FetchError {
  return new FetchError('aborted', `${label}: interrupted`, url);
}

async function readCapped(res: Response, max: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => undefined);
    throw new TooLargeError(`response is larger than the ${max}-byte limit`);
  }
  if (!res.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw new TooLargeError(`response is larger than the ${max}-byte limit`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/**
 * Keep `Retry-After` only when it is a valid delay (seconds) or HTTP-date.
 * ky would treat an unparseable value as "wait the maximum"; a garbage header
 * should fall back to normal backoff instead.
 */
export function normalizeRetryAfter(headers: Headers): void {
  const v = headers.get('retry-after');
  if (v === null) return;
  const ms = parseRetryAfter(v, Date.now());
  if (ms === undefined) headers.delete('retry-after');
}

/** The provider's error message from an error body: FAL `{error:{type,message}}`, OpenAI-style `{error:{message}}`, or `{message}`. */
async function errorDetail(res: Response): Promise<string> {
  let text = '';
  try {
    text = await res.text();
  } catch {
    return '';
  }
  let msg = '';
  try {
    const body: unknown = JSON.parse(text);
    if (isObject(body)) {
      const e = body.error;
      if (isObject(e)) msg = [typeof e.type === 'string' ? e.type : '', typeof e.message === 'string' ? e.message : ''].filter(Boolean).join(': ');
      else if (typeof e === 'string') msg = e;
      if (!msg && typeof body.message === 'string') msg = body.message;
      if (!msg && typeof body.detail === 'string') msg = body.detail;
    }
  } catch {
    msg = '';
  }
  return msg.replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** A short reason for a failed attempt: `HTTP 503`, `timeout`, `ECONNRESET`, `invalid JSON`. */
export function describeFailure(err: unknown, timeoutMs: number): string {
  if (err instanceof HTTPError) return `HTTP ${err.response.status}`;
  if (err instanceof TimeoutError) return `timeout after ${timeoutMs} ms`;
  if (err instanceof InvalidJsonError) return 'invalid JSON';
  if (err instanceof TooLargeError) return err.message;
  if (err instanceof Error) {
    const cause = (err as Error & { cause?: unknown }).cause;
    const code = isObject(cause) && typeof cause.code === 'string' ? cause.code : undefined;
    const causeMsg = cause instanceof Error ? cause.message : undefined;
    if (err.message === 'terminated') return `connection closed before the body was complete${code ? ` (${code})` : ''}`;
    if (code) return `network error (${code})`;
    return `network error (${causeMsg ?? err.message})`;
  }
  return `network error (${String(err)})`;
}

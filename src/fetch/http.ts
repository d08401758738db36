import ky, { TimeoutError, type KyInstance } from 'ky';
import pLimit, { type LimitFunction } from 'p-limit';
import { HubError } from '../core/errors.js';
import { isObject } from '../core/json.js';
import { RETRY_STATUSES, withRetries, type RetryPolicy } from '../core/retry.js';

/**
 * HTTP for the fetch stage: JSON GETs with a timeout on every attempt (headers
 * and body), retries by the hub's retry policy (core/retry.ts: backoff with
 * jitter, `Retry-After` honoured up to a cap), conditional requests, and one
 * concurrency limit shared by every request of a run.
 *
 * ky gives the per-attempt timeout, p-limit the concurrency bound. ky's own
 * timeout only covers the wait for the response headers, and a body that breaks
 * off or does not parse would surface late. So the `fetch` we give ky reads and
 * parses the whole body inside the attempt: a hanging or truncated body times
 * out or fails *that attempt*, and the policy repeats it.
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

/** Retried statuses: the policy's (core/retry.ts). */
export const RETRY_STATUS: readonly number[] = RETRY_STATUSES;

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

interface CallContext {
  label: string;
  retries: number;
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
  private readonly policy: RetryPolicy;
  private readonly random: () => number;

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
    this.random = options.random ?? Math.random;
    this.policy = { retries: s.retries, baseDelay: s.backoffBaseMs, maxDelay: s.backoffMaxMs, maxRetryAfter: s.retryAfterMaxMs, longRetryAfter: 'cap' };
    this.ky = ky.create({ timeout: s.timeoutMs, throwHttpErrors: false, retry: 0, fetch: (input, init) => this.attempt(input, init) });
  }

  /** GET a JSON document. Throws FetchError when it fails for good. */
  async getJson(url: string, options: GetOptions): Promise<JsonResponse> {
    const signal = options.signal && this.signal ? AbortSignal.any([options.signal, this.signal]) : (options.signal ?? this.signal);
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'api-hub (BananaStudio API Hub)', ...options.headers };
    if (options.etag) headers['if-none-match'] = options.etag;
    const c: CallContext = { label: options.label, retries: 0 };
    if (signal?.aborted) throw aborted(options.label, url);
    return this.limit(async () => {
      if (signal?.aborted) throw aborted(options.label, url);
      let res: Response;
      try {
        res = await withRetries(
          this.policy,
          {
            idempotent: true,
            signal,
            random: this.random,
            isFinalError: (err) => err instanceof TooLargeError || (err instanceof Error && err.name === 'AbortError' && !(err instanceof TimeoutError)),
            onRetry: (e) => {
              c.retries = e.retry;
              this.stats.retries++;
              const reason = e.status === undefined ? describeFailure(e.error, this.settings.timeoutMs) : `HTTP ${e.status}`;
              this.onEvent({ type: 'retry', label: c.label, url, retry: e.retry, reason });
            },
          },
          () => this.ky.get(url, { headers, ...(signal ? { signal } : {}) }),
        );
      } catch (err) {
        throw this.toFetchError(err, url, c, signal);
      }
      const etag = res.headers.get('etag');
      if (res.status === 304) return { status: 304, data: undefined, etag: etag ?? options.etag ?? null };
      if (!res.ok) throw await this.statusError(res, url, c);
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

  private async statusError(res: Response, url: string, c: CallContext): Promise<FetchError> {
    const status = res.status;
    const detail = await errorDetail(res);
    const kind: FetchErrorKind = status === 401 || status === 403 ? 'auth' : 'http';
    return new FetchError(
      kind,
      `${c.label}: HTTP ${status}${res.statusText ? ` ${res.statusText}` : ''} from GET ${url}${detail ? `: ${detail}` : ''}${afterRetries(c)}`,
      url,
      status,
    );
  }

  private toFetchError(err: unknown, url: string, c: CallContext, signal: AbortSignal | undefined): FetchError {
    const after = afterRetries(c);
    if (signal?.aborted) return aborted(c.label, url);
    if (err instanceof TimeoutError) {
      return new FetchError('timeout', `${c.label}: no complete response within ${this.settings.timeoutMs} ms from GET ${url}${after}`, url, undefined, err);
    }
    if (err instanceof InvalidJsonError) return new FetchError('invalid-json', `${c.label}: ${err.message} from GET ${url}${after}`, url, undefined, err);
    if (err instanceof TooLargeError) return new FetchError('too-large', `${c.label}: ${err.message} from GET ${url}`, url, undefined, err);
    return new FetchError('network', `${c.label}: ${describeFailure(err, this.settings.timeoutMs)} on GET ${url}${after}`, url, undefined, err);
  }
}

function afterRetries(c: CallContext): string {
  const n = c.retries;
  return n > 0 ? ` (after ${n} ${n === 1 ? 'retry' : 'retries'})` : '';
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

import { parseRetryAfter } from './retry-after.js';

/**
 * The one retry policy of the hub: `fetch` (GETs of provider catalogs), `push`
 * (POSTs to Apidog) and the generated client's runtime (emitted into
 * `generated/runtime/retry.js` from this file) all repeat failed attempts here.
 *
 * - Repeated statuses: 429 and 500, 502, 503, 504 (Comet's docs say to retry
 *   500 with backoff; every other 4xx is final: a bad key does not get better).
 * - A request that is not idempotent (a POST that queues, bills or imports) is
 *   repeated only on 429: the server refused it before accepting it. After a
 *   5xx or a dropped connection the work may already be done.
 * - The wait is the server's `Retry-After` (seconds or an HTTP date, parsed by
 *   retry-after.ts) when it sends a valid one, otherwise exponential backoff
 *   with jitter (between half and all of `baseDelay * 2^n`, at most `maxDelay`).
 *   A `Retry-After` longer than `maxRetryAfter` is waited as `maxRetryAfter`
 *   (`longRetryAfter: 'cap'`) or ends the retries (`'stop'`), per use.
 * - An aborted signal ends the wait at once, with the signal's reason.
 *
 * Dependency-free (no Node, no hub imports): it runs in browsers and workers
 * as part of the generated client.
 */
export interface RetryPolicy {
  /** Repeats after the first attempt. */
  retries: number;
  /** First backoff in ms, doubled per repeat, with jitter. */
  baseDelay: number;
  /** Backoff cap in ms. */
  maxDelay: number;
  /** Longest `Retry-After` waited, in ms. */
  maxRetryAfter: number;
  /** A longer `Retry-After`: wait `maxRetryAfter` and repeat (`cap`), or give the answer back (`stop`). */
  longRetryAfter: 'cap' | 'stop';
}

/** Statuses worth repeating. */
export const RETRY_STATUSES: readonly number[] = [429, 500, 502, 503, 504];

/** Methods whose effect does not change when sent twice (RFC 9110 §9.2.2). */
export const IDEMPOTENT_METHODS: readonly string[] = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'];

export function isIdempotentMethod(method: string): boolean {
  return IDEMPOTENT_METHODS.includes(method.toUpperCase());
}

/** Whether an answer with `status` may be repeated. */
export function isRetryableStatus(status: number, idempotent: boolean): boolean {
  return RETRY_STATUSES.includes(status) && (idempotent || status === 429);
}

/** Backoff before repeat number `attempt + 1` (attempt 0 is the first attempt): jittered between half and all of the cap. */
export function backoffDelay(policy: Pick<RetryPolicy, 'baseDelay' | 'maxDelay'>, attempt: number, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxDelay, policy.baseDelay * 2 ** attempt);
  return Math.round(cap / 2 + (random() * cap) / 2);
}

/**
 * The wait before repeating an answer that carried `retryAfter`, or undefined
 * when it must not be repeated (a `Retry-After` over the limit with `stop`).
 */
export function retryWait(policy: RetryPolicy, attempt: number, retryAfter: string | null, random: () => number = Math.random): number | undefined {
  const after = retryAfter === null ? undefined : parseRetryAfter(retryAfter, Date.now());
  if (after === undefined) return backoffDelay(policy, attempt, random);
  if (after <= policy.maxRetryAfter) return after;
  return policy.longRetryAfter === 'cap' ? policy.maxRetryAfter : undefined;
}

/** Wait `ms`; an aborted `signal` rejects at once with its reason. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** What the loop needs of a response (a fetch `Response` fits). */
export interface RetryableResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly body?: { cancel(): Promise<void> } | null;
}

/** A repeat about to happen. */
export interface RetryEvent {
  /** The repeat's number: 1 for the second attempt. */
  retry: number;
  waitMs: number;
  /** The status that is repeated, or undefined after an error. */
  status?: number;
  /** The error that is repeated (a network error, a timeout). */
  error?: unknown;
}

/** One use of the policy: what the request is, and how its failures look. */
export interface RetryRun<R extends RetryableResponse> {
  /** Repeat after 5xx and errors too (not only after 429). */
  idempotent: boolean;
  /** Ends the loop (and any wait) with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** An error of an attempt that must not be repeated (besides an aborted signal). */
  isFinalError?: (error: unknown) => boolean;
  /** A retryable status that must still not be repeated (FAL's user timeout). */
  isFinalResponse?: (response: R) => boolean;
  onRetry?: (event: RetryEvent) => void;
  random?: () => number;
}

/**
 * Call `attempt(n, last)` until it gives an answer that is not repeated, and
 * return that answer (a failed status included: the caller reports it).
 * Errors of the attempt are repeated when the run is idempotent, else thrown.
 */
export async function withRetries<R extends RetryableResponse>(
  policy: RetryPolicy,
  run: RetryRun<R>,
  attempt: (n: number, last: boolean) => Promise<R>,
): Promise<R> {
  const random = run.random ?? Math.random;
  for (let n = 0; ; n++) {
    const last = n >= policy.retries;
    let response: R;
    try {
      response = await attempt(n, last);
    } catch (error) {
      if (last || !run.idempotent || run.signal?.aborted || run.isFinalError?.(error) === true) throw error;
      const waitMs = backoffDelay(policy, n, random);
      run.onRetry?.({ retry: n + 1, waitMs, error });
      await sleep(waitMs, run.signal);
      continue;
    }
    if (last || !isRetryableStatus(response.status, run.idempotent) || run.isFinalResponse?.(response) === true) return response;
    const waitMs = retryWait(policy, n, response.headers.get('retry-after'), random);
    if (waitMs === undefined) return response;
    await response.body?.cancel();
    run.onRetry?.({ retry: n + 1, waitMs, status: response.status });
    await sleep(waitMs, run.signal);
  }
}

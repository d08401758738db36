/* api-hub generate: from src/core/retry.ts; do not edit. */
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
export declare const RETRY_STATUSES: readonly number[];
/** Methods whose effect does not change when sent twice (RFC 9110 §9.2.2). */
export declare const IDEMPOTENT_METHODS: readonly string[];
export declare function isIdempotentMethod(method: string): boolean;
/** Whether an answer with `status` may be repeated. */
export declare function isRetryableStatus(status: number, idempotent: boolean): boolean;
/** Backoff before repeat number `attempt + 1` (attempt 0 is the first attempt): jittered between half and all of the cap. */
export declare function backoffDelay(policy: Pick<RetryPolicy, 'baseDelay' | 'maxDelay'>, attempt: number, random?: () => number): number;
/**
 * The wait before repeating an answer that carried `retryAfter`, or undefined
 * when it must not be repeated (a `Retry-After` over the limit with `stop`).
 */
export declare function retryWait(policy: RetryPolicy, attempt: number, retryAfter: string | null, random?: () => number): number | undefined;
/** Wait `ms`; an aborted `signal` rejects at once with its reason. */
export declare function sleep(ms: number, signal?: AbortSignal): Promise<void>;
/** What the loop needs of a response (a fetch `Response` fits). */
export interface RetryableResponse {
    readonly status: number;
    readonly headers: {
        get(name: string): string | null;
    };
    readonly body?: {
        cancel(): Promise<void>;
    } | null;
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
export declare function withRetries<R extends RetryableResponse>(policy: RetryPolicy, run: RetryRun<R>, attempt: (n: number, last: boolean) => Promise<R>): Promise<R>;

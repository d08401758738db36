/* api-hub generate: from src/generate/runtime/http.ts; do not edit. */
import { type RetryPolicy } from './retry.js';
import type { CallResult } from './errors.js';
/** What openapi-fetch calls; `globalThis.fetch` fits. Inject one in tests. */
export type FetchFunction = (input: Request) => Promise<Response>;
/**
 * Failed attempts are repeated only where that is safe: GET/HEAD/PUT/DELETE (status, result,
 * cancel, task fetch) on 429, 500, 502, 503, 504 and network errors; POST (submits,
 * generations) only on 429, which the server answers before accepting the request, so a
 * job is never queued or billed twice. A `Retry-After` header sets the wait (when it is
 * longer than `maxDelay` the 429 is returned instead); otherwise exponential backoff with
 * jitter. The request's `signal` ends the wait.
 */
export interface RetryOptions {
    /** Repeats after the first attempt. Default 3. */
    retries?: number;
    /** First backoff in ms, doubled per repeat. Default 1000. */
    baseDelay?: number;
    /** Longest wait in ms. Default 30000. */
    maxDelay?: number;
}
export interface ProviderOptions {
    /** FAL sends `Authorization: Key <apiKey>`, Comet `Authorization: Bearer <apiKey>`. */
    apiKey: string;
    /**
     * Defaults to FAL_BASE_URL or COMET_BASE_URL (https). Self-hosted gateways and tests override it; with a
     * key it must be https, or http to 127.0.0.1, localhost or ::1 (anything else throws a TypeError).
     */
    baseUrl?: string;
    /** Sent with every request; an `Authorization` header here replaces the default one. */
    headers?: Record<string, string>;
    /** Overrides the client-wide `fetch`. */
    fetch?: FetchFunction;
    /** Retries of failed attempts (see RetryOptions); `false` sends every request once. */
    retry?: RetryOptions | false;
}
/** Per-call options of the helper methods. */
export interface RequestExtras {
    signal?: AbortSignal;
    headers?: Record<string, string>;
}
/** The options of an openapi-fetch call as the runtime builds them. */
export interface CallInit extends RequestExtras {
    body?: unknown;
    params?: {
        path?: Record<string, unknown>;
        query?: Record<string, unknown>;
    };
    parseAs?: 'json' | 'text' | 'blob' | 'arrayBuffer' | 'stream';
}
/** The part of an openapi-fetch client the runtime calls with paths it only knows at run time. */
export interface DynamicClient {
    request(method: string, path: string, init?: CallInit): Promise<CallResult>;
}
/** The policy (core/retry.ts) as the generated client uses it. */
export declare function retryPolicy(options: RetryOptions | undefined): RetryPolicy;
/**
 * A fetch that repeats failed attempts by the policy. FAL's 504 with
 * `X-Fal-Request-Timeout-Type: user` is the caller's own timeout: final.
 */
export declare function retryingFetch(getFetch: () => FetchFunction, options: RetryOptions | false | undefined): FetchFunction;
/**
 * A key goes only over https, or plain http to this machine (127.0.0.1, localhost, ::1: tests and
 * local gateways). Anything else with a key is refused before any request is sent.
 */
export declare function checkBaseUrl(provider: string, baseUrl: string, hasKey: boolean): void;
/** The openapi-fetch client of one provider, with its key and the retrying fetch. */
export declare function providerClient<C>(provider: string, options: ProviderOptions, baseUrl: string, authorization: string): C & DynamicClient;

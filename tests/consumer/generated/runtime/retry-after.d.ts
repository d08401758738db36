/* api-hub generate: from src/core/retry-after.ts; do not edit. */
/**
 * `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP-date (RFC 9110 §10.2.3).
 * Anything else (empty, a fraction, a negative number, garbage) is undefined: V8's Date.parse
 * would read "1.5" or "-5" as dates in 2001, which would mean "retry now".
 * Dependency-free, so that modules which must not load the HTTP client can use it.
 */
export declare function parseRetryAfter(value: string, now: number): number | undefined;

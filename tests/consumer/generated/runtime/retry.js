/* api-hub generate: from src/core/retry.ts; do not edit. */
import { parseRetryAfter } from './retry-after.js';
export const RETRY_STATUSES = [429, 500, 502, 503, 504];
export const IDEMPOTENT_METHODS = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'];
export function isIdempotentMethod(method) {
  return IDEMPOTENT_METHODS.includes(method.toUpperCase());
}
export function isRetryableStatus(status, idempotent) {
  return RETRY_STATUSES.includes(status) && (idempotent || status === 429);
}
export function backoffDelay(policy, attempt, random = Math.random) {
  const cap = Math.min(policy.maxDelay, policy.baseDelay * 2 ** attempt);
  return Math.round(cap / 2 + (random() * cap) / 2);
}
export function retryWait(policy, attempt, retryAfter, random = Math.random) {
  const after = retryAfter === null ? undefined : parseRetryAfter(retryAfter, Date.now());
  if (after === undefined)
    return backoffDelay(policy, attempt, random);
  if (after <= policy.maxRetryAfter)
    return after;
  return policy.longRetryAfter === 'cap' ? policy.maxRetryAfter : undefined;
}
export function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
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
export async function withRetries(policy, run, attempt) {
  const random = run.random ?? Math.random;
  for (let n = 0;; n++) {
    const last = n >= policy.retries;
    let response;
    try {
      response = await attempt(n, last);
    }
    catch (error) {
      if (last || !run.idempotent || run.signal?.aborted || run.isFinalError?.(error) === true)
        throw error;
      const waitMs = backoffDelay(policy, n, random);
      run.onRetry?.({ retry: n + 1, waitMs, error });
      await sleep(waitMs, run.signal);
      continue;
    }
    if (last || !isRetryableStatus(response.status, run.idempotent) || run.isFinalResponse?.(response) === true)
      return response;
    const waitMs = retryWait(policy, n, response.headers.get('retry-after'), random);
    if (waitMs === undefined)
      return response;
    await response.body?.cancel();
    run.onRetry?.({ retry: n + 1, waitMs, status: response.status });
    await sleep(waitMs, run.signal);
  }
}

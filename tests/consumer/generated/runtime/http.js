/* api-hub generate: from src/generate/runtime/http.ts; do not edit. */
import createClient from 'openapi-fetch';
import { isIdempotentMethod, withRetries } from './retry.js';
import { RUNTIME_DEFAULTS } from './defaults.js';
export function retryPolicy(options) {
  const maxDelay = options?.maxDelay ?? RUNTIME_DEFAULTS.maxDelay;
  return {
    retries: options?.retries ?? RUNTIME_DEFAULTS.retries,
    baseDelay: options?.baseDelay ?? RUNTIME_DEFAULTS.baseDelay,
    maxDelay,
    maxRetryAfter: maxDelay,
    longRetryAfter: 'stop',
  };
}
export function retryingFetch(getFetch, options) {
  if (options === false)
    return (request) => getFetch()(request);
  const policy = retryPolicy(options);
  return (request) => withRetries(policy, {
    idempotent: isIdempotentMethod(request.method),
    signal: request.signal,
    isFinalResponse: (response) => response.headers.get('x-fal-request-timeout-type') === 'user',
  }, (_n, last) => getFetch()(last ? request : request.clone()));
}
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
export function checkBaseUrl(provider, baseUrl, hasKey) {
  let url;
  try {
    url = new URL(baseUrl);
  }
  catch {
    throw new TypeError(`${provider}: baseUrl ${JSON.stringify(baseUrl)} is not an absolute URL`);
  }
  if (url.protocol === 'https:' || !hasKey)
    return;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname))
    return;
  throw new TypeError(`${provider}: refusing to send the API key to ${url.protocol}//${url.host}: use https (plain http only to 127.0.0.1, localhost or ::1)`);
}
export function providerClient(provider, options, baseUrl, authorization) {
  const headers = options.headers ?? {};
  const hasKey = options.apiKey !== '' || Object.keys(headers).some((h) => /^(authorization|x-api-key|x-goog-api-key)$/i.test(h));
  checkBaseUrl(provider, options.baseUrl ?? baseUrl, hasKey);
  const client = createClient({
    baseUrl: options.baseUrl ?? baseUrl,
    headers: { Authorization: authorization, ...options.headers },
    fetch: retryingFetch(() => options.fetch ?? globalThis.fetch, options.retry),
  });
  return client;
}

import { HubError } from '../core/errors.js';
import { envValue, type Env } from '../core/env.js';
import { baseUrlFromEnv } from '../core/base-url.js';
import type { HttpSettings } from './http.js';

/**
 * Tuning knobs, for tests and unusual networks. None is needed in normal use;
 * the defaults are in DEFAULT_HTTP_SETTINGS.
 */
export const TUNING_VARS = {
  API_HUB_FETCH_TIMEOUT_MS: 'timeoutMs',
  API_HUB_FETCH_RETRIES: 'retries',
  API_HUB_RETRY_BASE_MS: 'backoffBaseMs',
  API_HUB_RETRY_MAX_MS: 'backoffMaxMs',
  API_HUB_RETRY_AFTER_MAX_MS: 'retryAfterMaxMs',
  API_HUB_FETCH_CONCURRENCY: 'concurrency',
} as const satisfies Record<string, keyof HttpSettings>;

export function httpSettingsFromEnv(env: Env): Partial<HttpSettings> {
  const out: Partial<HttpSettings> = {};
  for (const [name, key] of Object.entries(TUNING_VARS)) {
    const v = envValue(env, name);
    if (v === undefined) continue;
    out[key] = parseCount(v, name, key === 'concurrency' ? 1 : 0);
  }
  return out;
}

/** A whole number ≥ min, or a usage error naming where it came from. */
export function parseCount(value: string, source: string, min: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
    throw new HubError(`${source} must be a whole number${min > 0 ? ` ≥ ${min}` : ''} (got ${JSON.stringify(value)})`);
  }
  return n;
}

/**
 * A base URL from the environment: http(s) only, no credentials, no trailing
 * slash, and https whenever a key goes with the requests (plain http only to
 * loopback), see core/base-url.ts.
 */
export function baseUrlFrom(env: Env, name: string, fallback: string, withKey = true): string {
  return baseUrlFromEnv(env, name, fallback, withKey);
}

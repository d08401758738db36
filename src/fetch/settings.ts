import { HubError } from '../core/errors.js';
import { envValue, type Env } from '../core/env.js';
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

/** A base URL from the environment: http(s) only, no trailing slash. */
export function baseUrlFrom(env: Env, name: string, fallback: string): string {
  const v = envValue(env, name);
  if (v === undefined) return fallback;
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new HubError(`${name} is not a URL (got ${JSON.stringify(v)})`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new HubError(`${name} must be an http(s) URL (got ${JSON.stringify(v)})`);
  if (u.username || u.password) throw new HubError(`${name} must not carry credentials; use the key variables instead`);
  return v.replace(/\/+$/, '');
}

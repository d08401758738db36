import { HubError } from './errors.js';
import { envValue, type Env } from './env.js';

/**
 * Whether a URL's host is this machine: 127.0.0.0/8, ::1 or localhost. Only
 * there may a key travel over plain http (tests, a local gateway).
 */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h);
}

/**
 * Check a base URL that a key may be sent to: http(s) only, no credentials in
 * it, and https unless the host is loopback (when `withKey`). The message names
 * the variable it came from. Returns the URL without a trailing slash.
 */
export function checkBaseUrl(value: string, name: string, withKey = true): string {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new HubError(`${name} is not a URL (got ${JSON.stringify(value)})`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new HubError(`${name} must be an http(s) URL (got ${JSON.stringify(`${u.protocol}//${u.host}`)})`);
  if (u.username || u.password) throw new HubError(`${name} must not carry credentials; use the key variables instead`);
  if (withKey && u.protocol === 'http:' && !isLoopbackHost(u.hostname)) {
    throw new HubError(
      `${name} is ${JSON.stringify(`http://${u.host}`)}: a key is sent only over https (plain http only to localhost/127.0.0.1/::1). Use an https:// URL, or unset ${name} to use the default.`,
    );
  }
  return value.replace(/\/+$/, '');
}

/** A base URL from the environment (checked as `checkBaseUrl` does), or the default. */
export function baseUrlFromEnv(env: Env, name: string, fallback: string, withKey = true): string {
  const v = envValue(env, name);
  return v === undefined ? fallback : checkBaseUrl(v, name, withKey);
}

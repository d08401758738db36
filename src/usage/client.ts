import { HubError } from '../core/errors.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Redactor } from '../core/redact.js';
import { redactError } from '../core/redact.js';
import { FetchError, type HttpClient } from '../fetch/http.js';
import { readCometQuota, type CometQuota } from './comet-quota.js';
import { readFalUsagePage } from './fal-usage.js';
import type { SpendRecord } from './types.js';

/** A key and the variable it came from (for messages; the value is never printed). */
export interface NamedKey {
  name: string;
  value: string;
}

/** No account has this many pages of daily usage; it stops a server whose cursors never end. */
export const FAL_USAGE_MAX_PAGES = 1_000;

export const FAL_ADMIN_KEY_HINT = 'create an admin key at https://fal.ai/dashboard/keys and set FAL_ADMIN_KEY';

/** `GET {api}/models/usage` for one page: daily buckets in UTC, with the auth method of each line item. */
export function falUsageUrl(apiRoot: string, start: string, end: string, cursor: string | null): string {
  const u = new URL(`${apiRoot}/models/usage`);
  u.searchParams.set('start', `${start}T00:00:00Z`);
  u.searchParams.set('end', `${end}T23:59:59Z`);
  u.searchParams.set('timeframe', 'day');
  u.searchParams.set('timezone', 'UTC');
  u.searchParams.append('expand', 'time_series');
  u.searchParams.append('expand', 'auth_method');
  if (cursor !== null) u.searchParams.set('cursor', cursor);
  return u.toString();
}

/**
 * Every page of FAL's usage for [start, end] (cursor pagination, sequential),
 * through the hub's HTTP client (timeouts, retries on 429/5xx with backoff,
 * Retry-After). A 401/403 says an admin key is needed.
 */
export async function fetchFalUsage(o: {
  http: HttpClient;
  apiRoot: string;
  key: NamedKey;
  start: string;
  end: string;
  redact: Redactor;
  signal?: AbortSignal;
  maxPages?: number;
}): Promise<{ records: SpendRecord[]; problems: Diagnostic[]; pages: number }> {
  const headers = { authorization: `Key ${o.key.value}` };
  const records: SpendRecord[] = [];
  const problems: Diagnostic[] = [];
  const seen = new Set<string>();
  const max = o.maxPages ?? FAL_USAGE_MAX_PAGES;
  let cursor: string | null = null;
  for (let page = 1; ; page++) {
    if (page > max) throw new HubError(`fal: more than ${max} pages of /v1/models/usage; stopping (the server keeps returning new cursors)`);
    const label = `fal: /v1/models/usage page ${page}`;
    let data: unknown;
    try {
      data = (await o.http.getJson(falUsageUrl(o.apiRoot, o.start, o.end, cursor), { label, headers, ...(o.signal ? { signal: o.signal } : {}) })).data;
    } catch (err) {
      if (err instanceof FetchError && err.kind === 'auth') {
        throw new HubError(
          `fal: ${o.key.name} was refused by GET /v1/models/usage (HTTP ${err.status}): the usage API needs an admin key; ${FAL_ADMIN_KEY_HINT}`,
        );
      }
      throw redactError(err, o.redact);
    }
    const got = readFalUsagePage(data, label);
    if (got.problems.some((p) => p.severity === 'error')) throw new HubError(`${label}: ${got.problems[0]!.message}`, { diagnostics: got.problems });
    records.push(...got.records);
    problems.push(...got.problems);
    if (!got.hasMore) return { records, problems, pages: page };
    if (got.nextCursor === null) throw new HubError(`${label}: has_more is true but next_cursor is empty; cannot continue`);
    if (seen.has(got.nextCursor))
      throw new HubError(`${label}: the server returned cursor ${JSON.stringify(got.nextCursor)} again (pagination loop); stopping`);
    seen.add(got.nextCursor);
    cursor = got.nextCursor;
  }
}

/** `GET {base}/user/quota?key=…&start_date&end_date`. The URL holds the key: it never reaches a message (every error is redacted, every form of the key). */
export function cometQuotaUrl(baseUrl: string, key: string, start: string, end: string): string {
  const u = new URL(`${baseUrl}/user/quota`);
  u.searchParams.set('key', key);
  u.searchParams.set('start_date', start);
  u.searchParams.set('end_date', end);
  return u.toString();
}

export async function fetchCometQuota(o: {
  http: HttpClient;
  baseUrl: string;
  key: NamedKey;
  start: string;
  end: string;
  redact: Redactor;
  signal?: AbortSignal;
}): Promise<CometQuota> {
  const label = 'comet: /user/quota';
  let data: unknown;
  try {
    data = (await o.http.getJson(cometQuotaUrl(o.baseUrl, o.key.value, o.start, o.end), { label, ...(o.signal ? { signal: o.signal } : {}) })).data;
  } catch (err) {
    if (err instanceof FetchError && err.kind === 'auth')
      throw new HubError(`comet: ${o.key.name} was refused by GET /user/quota (HTTP ${err.status}); check the key at https://api.cometapi.com/console/token`);
    throw redactError(err, o.redact);
  }
  const q = readCometQuota(data, label);
  const fatal = q.problems.find((p) => p.severity === 'error');
  if (fatal) throw redactError(new HubError(`${label}: ${fatal.message}`), o.redact);
  return q;
}

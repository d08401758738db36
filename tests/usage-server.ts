/**
 * Local stand-ins for FAL's `GET /v1/models/usage` (admin key, cursor pagination;
 * fal.ai/docs/platform-apis/v1/models/usage) and Comet's `GET /user/quota?key=…`
 * (comet-api.md §14) on 127.0.0.1, with the fault rules of tests/fetch-server.ts.
 */
import { afterEach } from 'vitest';
import { FakeApi } from './fetch-server.js';
import { fakeKey } from './helpers/random.js';

/** Servers a test file starts, closed after each test: `await up(server)` starts one. */
export function serversClosedAfterEach(): (s: FakeApi) => Promise<FakeApi> {
  const servers: FakeApi[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  return async (s) => {
    servers.push(await s.start());
    return s;
  };
}

export const FAL_ADMIN_CANARY = fakeKey('falADMIN-CANARY', 'fal');
export const FAL_PLAIN_CANARY = fakeKey('falPLAIN-CANARY', 'fal');
export const COMET_CANARY = fakeKey('CANARYcometQUOTA', 'comet');

export interface FalLine {
  day: string;
  endpoint_id: string;
  cost: number;
  auth_method?: string;
  quantity?: number;
  unit?: string;
}

const falError = (type: string, message: string): unknown => ({ error: { type, message } });

/** FAL's usage API: one bucket per day, `pageSize` buckets per page, cursor = base64 page number. */
export function falUsageServer(o: { lines: FalLine[]; pageSize?: number; adminKey?: string; otherKeys?: string[] }): FakeApi {
  const pageSize = o.pageSize ?? 2;
  const admin = o.adminKey ?? FAL_ADMIN_CANARY;
  return new FakeApi((r) => {
    if (r.path !== '/v1/models/usage') return { status: 404, body: falError('not_found', `No route ${r.path}`) };
    const auth = r.headers.authorization;
    if (auth === undefined) return { status: 401, body: falError('authorization_error', 'Authentication required') };
    if (auth !== `Key ${admin}`) {
      const known = (o.otherKeys ?? [FAL_PLAIN_CANARY]).some((k) => auth === `Key ${k}`);
      return { status: 401, body: falError('authorization_error', known ? 'Admin API key required for this endpoint' : 'Invalid API key') };
    }
    const start = (r.query.get('start') ?? '').slice(0, 10);
    const end = (r.query.get('end') ?? '').slice(0, 10);
    const days = [...new Set(o.lines.filter((l) => l.day >= start && l.day <= end).map((l) => l.day))].sort();
    const cursor = r.query.get('cursor');
    const page = cursor === null ? 1 : Number(Buffer.from(cursor, 'base64').toString('utf8'));
    const expandAuth = r.query.getAll('expand').includes('auth_method');
    const slice = days.slice((page - 1) * pageSize, page * pageSize);
    const time_series = slice.map((day) => ({
      bucket: `${day}T00:00:00+00:00`,
      results: o.lines
        .filter((l) => l.day === day)
        .map((l) => ({
          endpoint_id: l.endpoint_id,
          unit: l.unit ?? 'image',
          quantity: l.quantity ?? 1,
          unit_price: l.cost / (l.quantity ?? 1),
          cost: l.cost,
          currency: 'USD',
          ...(expandAuth ? { auth_method: l.auth_method ?? 'Production Key' } : {}),
        })),
    }));
    const hasMore = page * pageSize < days.length;
    return { status: 200, body: { time_series, next_cursor: hasMore ? Buffer.from(String(page + 1)).toString('base64') : null, has_more: hasMore } };
  });
}

export interface CometDay {
  day: string;
  token_name: string;
  quota_used: number;
  request_count?: number;
}

/** Comet's quota service: the key in the query string; `daily_quota` only when both dates are given. */
export function cometQuotaServer(o: {
  key?: string;
  balance: number;
  keys?: Array<{ name: string; remain_quota: number; used_quota: number }>;
  days: CometDay[];
}): FakeApi {
  const key = o.key ?? COMET_CANARY;
  return new FakeApi((r) => {
    if (r.path !== '/user/quota' && r.path !== '/user/quota/') return { status: 404, body: { message: 'not found' } };
    if (r.query.get('key') !== key) return { status: 401, body: { success: false, message: 'invalid key' } };
    const start = r.query.get('start_date');
    const end = r.query.get('end_date');
    const body: Record<string, unknown> = {
      username: 'canary_user',
      total_quota: o.balance,
      total_used_quota: o.days.reduce((s, d) => s + d.quota_used, 0),
      request_count: o.days.reduce((s, d) => s + (d.request_count ?? 0), 0),
      keys: o.keys ?? [],
    };
    if (start && end) {
      const daily: Record<string, unknown[]> = {};
      for (const d of o.days.filter((x) => x.day >= start && x.day <= end))
        (daily[d.day] ??= []).push({ token_name: d.token_name, quota_used: d.quota_used, request_count: d.request_count ?? 1 });
      body.daily_quota = daily;
    }
    return { status: 200, body };
  });
}

/** `n` consecutive days ending `last`. */
export function lastDays(last: string, n: number): string[] {
  const t = Date.parse(`${last}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => new Date(t - (n - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}

/**
 * `runUsage` against local servers that speak FAL's usage API and Comet's quota
 * service: pagination, 429 with and without Retry-After, 5xx, timeouts, a
 * non-admin key, and canary keys that reach no message and no file.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { filesUnder } from './helpers/files.js';
import { join } from 'node:path';
import { HubError } from '../src/core/errors.js';
import { DEFAULT_ANOMALY_OPTIONS, runUsage, type UsageRunOptions } from '../src/usage/index.js';
import {
  COMET_CANARY,
  FAL_ADMIN_CANARY,
  FAL_PLAIN_CANARY,
  cometQuotaServer,
  falUsageServer,
  lastDays,
  type FalLine,
  serversClosedAfterEach,
} from './usage-server.js';
import { fakeKey } from './helpers/random.js';

/** A second Comet key, the quota service's own (it must be the one sent). */
const QUERY_ONLY_KEY = fakeKey('QUERYONLY-CANARY', 'comet');

const FAST = {
  API_HUB_RETRY_BASE_MS: '5',
  API_HUB_RETRY_MAX_MS: '20',
  API_HUB_FETCH_TIMEOUT_MS: '5000',
  API_HUB_RETRY_AFTER_MAX_MS: '3000',
  API_HUB_FETCH_RETRIES: '3',
};
const UNTIL = '2025-01-20';
const up = serversClosedAfterEach();

/** 12 days of flux at 2 USD/day, then a spike, a new model and a new key on the last day. */
function falLines(): FalLine[] {
  const lines: FalLine[] = lastDays('2025-01-19', 12).map((day) => ({ day, endpoint_id: 'fal-ai/flux/dev', cost: 2, quantity: 20 }));
  lines.push(
    { day: UNTIL, endpoint_id: 'fal-ai/flux/dev', cost: 9, quantity: 90 },
    { day: UNTIL, endpoint_id: 'fal-ai/veo3', cost: 3, auth_method: 'intern-laptop', unit: 'second', quantity: 6 },
  );
  return lines;
}

function options(env: Record<string, string>, o: Partial<UsageRunOptions> = {}): UsageRunOptions {
  return {
    root: mkdtempSync(join(tmpdir(), 'usage-')),
    env: { ...FAST, ...env },
    provider: 'all',
    from: '2025-01-18',
    until: UNTIL,
    options: DEFAULT_ANOMALY_OPTIONS,
    statePath: '.api-hub/usage-state.json',
    ...o,
  };
}

async function failure(p: Promise<unknown>): Promise<HubError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(HubError);
  return e as HubError;
}

describe('FAL usage API', () => {
  it('follows next_cursor over every page and reports spend per model and day with anomalies', async () => {
    const fal = await up(falUsageServer({ lines: falLines(), pageSize: 4 }));
    const r = await runUsage(options({ FAL_ADMIN_KEY: FAL_ADMIN_CANARY, FAL_API_BASE_URL: fal.url }, { provider: 'fal' }));
    const hits = fal.hits('/v1/models/usage');
    expect(hits.length).toBe(4); // 15 days read (14 trailing + 3 reported, 13 with spend) over pages of 4 buckets
    expect(hits.map((h) => h.query.get('cursor'))).toEqual([null, 'Mg==', 'Mw==', 'NA==']);
    expect(hits[0]!.query.get('start')).toBe('2025-01-04T00:00:00Z');
    expect(hits[0]!.query.get('end')).toBe('2025-01-20T23:59:59Z');
    expect(hits[0]!.query.get('timeframe')).toBe('day');
    expect(hits[0]!.query.getAll('expand')).toEqual(['time_series', 'auth_method']);
    expect(hits[0]!.headers.authorization).toBe(`Key ${FAL_ADMIN_CANARY}`);
    expect(r.report.spend.map((s) => [s.day, s.model, s.key, s.cost])).toEqual([
      ['2025-01-18', 'fal-ai/flux/dev', 'Production Key', 2],
      ['2025-01-19', 'fal-ai/flux/dev', 'Production Key', 2],
      ['2025-01-20', 'fal-ai/flux/dev', 'Production Key', 9],
      ['2025-01-20', 'fal-ai/veo3', 'intern-laptop', 3],
    ]);
    expect(r.report.anomalies.map((a) => a.ruleId)).toEqual(['usage-new-model', 'usage-spike', 'usage-unfamiliar-key']);
  });

  it('remembers models and keys in the state file, names only', async () => {
    const fal = await up(falUsageServer({ lines: falLines(), pageSize: 50 }));
    const o = options({ FAL_ADMIN_KEY: FAL_ADMIN_CANARY, FAL_API_BASE_URL: fal.url }, { provider: 'fal' });
    await runUsage(o);
    const state = JSON.parse(readFileSync(join(o.root, '.api-hub/usage-state.json'), 'utf8')) as unknown;
    expect(state).toEqual({
      version: 1,
      models: { comet: [], fal: ['fal-ai/flux/dev', 'fal-ai/veo3'] },
      keys: { comet: [], fal: ['Production Key', 'intern-laptop'] },
    });
    const second = await runUsage(o);
    expect(second.report.anomalies.map((a) => a.ruleId)).toEqual(['usage-spike']);
    for (const f of filesUnder(o.root)) expect(readFileSync(f, 'utf8')).not.toContain('CANARY');
  });

  it('waits the Retry-After of a 429, then goes on', async () => {
    const fal = await up(falUsageServer({ lines: falLines(), pageSize: 50 }));
    fal.faults = [
      { times: 1, fault: { kind: 'status', status: 429, headers: { 'retry-after': '1' }, body: { error: { type: 'rate_limited', message: 'slow down' } } } },
    ];
    const retries: string[] = [];
    const r = await runUsage(options({ FAL_ADMIN_KEY: FAL_ADMIN_CANARY, FAL_API_BASE_URL: fal.url }, { provider: 'fal', onRetry: (l) => retries.push(l) }));
    const hits = fal.hits('/v1/models/usage');
    expect(hits.map((h) => h.outcome)).toEqual(['429', '200']);
    expect(hits[1]!.at - hits[0]!.at).toBeGreaterThanOrEqual(950);
    expect(retries).toEqual(['fal: /v1/models/usage page 1: retry 1 (HTTP 429)']);
    expect(r.report.spend).toHaveLength(4);
  });

  it('backs off on a 429 without Retry-After and on 5xx, then succeeds', async () => {
    const fal = await up(falUsageServer({ lines: falLines(), pageSize: 50 }));
    fal.faults = [
      { times: 1, fault: { kind: 'status', status: 429 } },
      { times: 2, fault: { kind: 'status', status: 503, body: { error: { type: 'server_error', message: 'busy' } } } },
    ];
    const r = await runUsage(options({ FAL_ADMIN_KEY: FAL_ADMIN_CANARY, FAL_API_BASE_URL: fal.url }, { provider: 'fal' }));
    expect(fal.hits('/v1/models/usage').map((h) => h.outcome)).toEqual(['429', '503', '503', '200']);
    expect(r.report.spend).toHaveLength(4);
  });

  it('gives up after the retries with exit 2 and the status', async () => {
    const fal = await up(falUsageServer({ lines: falLines() }));
    fal.faults = [{ fault: { kind: 'status', status: 500 } }];
    const e = await failure(runUsage(options({ FAL_ADMIN_KEY: FAL_ADMIN_CANARY, FAL_API_BASE_URL: fal.url }, { provider: 'fal' })));
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(/HTTP 500 .*after 3 retries/);
    expect(fal.hits('/v1/models/usage')).toHaveLength(4);
  });

  it('times out a server that does not answer', async () => {
    const fal = await up(falUsageServer({ lines: falLines() }));
    fal.faults = [{ fault: { kind: 'hang' } }];
    const e = await failure(
      runUsage(
        options(
          { FAL_ADMIN_KEY: FAL_ADMIN_CANARY, FAL_API_BASE_URL: fal.url, API_HUB_FETCH_TIMEOUT_MS: '200', API_HUB_FETCH_RETRIES: '1' },
          { provider: 'fal' },
        ),
      ),
    );
    expect(e.message).toContain('no complete response within 200 ms');
  });

  it('says an admin key is needed when FAL refuses a non-admin key (401)', async () => {
    const fal = await up(falUsageServer({ lines: falLines() }));
    const e = await failure(runUsage(options({ FAL_KEY: FAL_PLAIN_CANARY, FAL_API_BASE_URL: fal.url }, { provider: 'fal' })));
    expect(e.message).toBe(
      'fal: FAL_KEY was refused by GET /v1/models/usage (HTTP 401): the usage API needs an admin key; create an admin key at https://fal.ai/dashboard/keys and set FAL_ADMIN_KEY',
    );
    expect(fal.hits('/v1/models/usage')).toHaveLength(1); // a refused key is not retried
  });

  it('prefers FAL_ADMIN_KEY over FAL_API_KEY and FAL_KEY', async () => {
    const fal = await up(falUsageServer({ lines: falLines() }));
    await runUsage(
      options(
        { FAL_ADMIN_KEY: FAL_ADMIN_CANARY, FAL_API_KEY: FAL_PLAIN_CANARY, FAL_KEY: FAL_PLAIN_CANARY, FAL_API_BASE_URL: fal.url },
        { provider: 'fal', statePath: null },
      ),
    );
    expect(fal.requests.every((h) => h.headers.authorization === `Key ${FAL_ADMIN_CANARY}`)).toBe(true);
  });

  it('refuses a pagination loop', async () => {
    const fal = await up(falUsageServer({ lines: falLines(), pageSize: 2 }));
    fal.faults = [
      {
        match: (r) => r.query.get('cursor') === 'Mw==',
        fault: { kind: 'status', status: 200, body: { time_series: [], next_cursor: 'Mg==', has_more: true } },
      },
    ];
    const e = await failure(runUsage(options({ FAL_ADMIN_KEY: FAL_ADMIN_CANARY, FAL_API_BASE_URL: fal.url }, { provider: 'fal' })));
    expect(e.message).toContain('pagination loop');
  });
});

describe('Comet quota', () => {
  const days = lastDays(UNTIL, 17).map((day, i) => ({ day, token_name: 'studio-app', quota_used: i === 16 ? 12 : 2, request_count: 10 }));

  it('reads balance, keys and daily_quota; flags the spike and the short runway', async () => {
    const comet = await up(cometQuotaServer({ balance: 20, keys: [{ name: 'studio-app', remain_quota: -1, used_quota: -1 }], days }));
    const r = await runUsage(options({ COMET_API_KEY: COMET_CANARY, COMET_QUOTA_API_BASE_URL: comet.url }));
    const hit = comet.hits('/user/quota')[0]!;
    expect([hit.query.get('start_date'), hit.query.get('end_date')]).toEqual(['2025-01-04', UNTIL]);
    expect(r.report.providers).toEqual(['comet']);
    expect(r.report.notes).toEqual(['fal: skipped, FAL_ADMIN_KEY / FAL_API_KEY / FAL_KEY not set']);
    expect(r.report.spend.map((s) => [s.day, s.model, s.key, s.cost, s.requests])).toEqual([
      ['2025-01-18', '*', 'studio-app', 2, 10],
      ['2025-01-19', '*', 'studio-app', 2, 10],
      ['2025-01-20', '*', 'studio-app', 12, 10],
    ]);
    expect(r.report.balances).toEqual([{ provider: 'comet', scope: 'account', remaining: 20, currency: 'USD', used: 44 }]);
    // rate: (6 × 2 + 12) / 7 ≈ 3.43 USD/day; 20 USD last ≈ 5.8 days < 7.
    expect(r.report.anomalies.map((a) => [a.ruleId, a.value])).toEqual([
      ['usage-spike', 12],
      ['usage-balance-runway', 5.8],
    ]);
    expect(JSON.stringify(r)).not.toContain('CANARY');
  });

  it('prefers COMET_QUOTA_KEY (a query-only key) over COMET_API_KEY', async () => {
    const comet = await up(cometQuotaServer({ key: QUERY_ONLY_KEY, balance: 100, days }));
    await runUsage(options({ COMET_QUOTA_KEY: QUERY_ONLY_KEY, COMET_API_KEY: COMET_CANARY, COMET_QUOTA_API_BASE_URL: comet.url }, { statePath: null }));
    expect(comet.hits('/user/quota')[0]!.query.get('key')).toBe(QUERY_ONLY_KEY);
  });

  it('never puts the key of the URL into an error, after 5xx retries or a timeout', async () => {
    const comet = await up(cometQuotaServer({ balance: 1, days }));
    comet.faults = [{ fault: { kind: 'status', status: 502 } }];
    const e = await failure(runUsage(options({ COMET_API_KEY: COMET_CANARY, COMET_QUOTA_API_BASE_URL: comet.url })));
    expect(e.message).toContain('HTTP 502');
    expect(e.message).toContain('key=[redacted]');
    expect(e.message).not.toContain('CANARY');
    comet.faults = [{ fault: { kind: 'hang' } }];
    const t = await failure(
      runUsage(options({ COMET_API_KEY: COMET_CANARY, COMET_QUOTA_API_BASE_URL: comet.url, API_HUB_FETCH_TIMEOUT_MS: '150', API_HUB_FETCH_RETRIES: '0' })),
    );
    expect(t.message).toContain('no complete response within 150 ms');
    expect(`${t.message}${String(t.stack)}`).not.toContain('CANARY');
  });

  it('names the key variable when Comet refuses the key', async () => {
    const comet = await up(cometQuotaServer({ key: 'sk-another-key-entirely', balance: 1, days }));
    const e = await failure(runUsage(options({ COMET_API_KEY: COMET_CANARY, COMET_QUOTA_API_BASE_URL: comet.url })));
    expect(e.message).toBe('comet: COMET_API_KEY was refused by GET /user/quota (HTTP 401); check the key at https://api.cometapi.com/console/token');
  });

  it('refuses to send the key over plain http to a host that is not loopback', async () => {
    const e = await failure(runUsage(options({ COMET_API_KEY: COMET_CANARY, COMET_QUOTA_API_BASE_URL: 'http://query.example.com' })));
    expect(e.message).toContain('COMET_QUOTA_API_BASE_URL is "http://query.example.com": a key is sent only over https');
  });
});

describe('keys', () => {
  it('names the variables when no key is set', async () => {
    const e = await failure(runUsage(options({})));
    expect(e.message).toContain('FAL_ADMIN_KEY');
    expect(e.message).toContain('COMET_QUOTA_KEY or COMET_API_KEY');
    const f = await failure(runUsage(options({}, { provider: 'fal' })));
    expect(f.message).toMatch(/^fal: FAL_ADMIN_KEY is not set/);
  });
});

import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FetchError, HttpClient } from './http.js';
import { parseRetryAfter } from '../core/retry-after.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-28T10:00:00Z');
  it.each([
    ['delta seconds', '120', 120_000],
    ['zero', '0', 0],
    ['HTTP-date in the future', 'Wed, 28 Jan 2026 10:00:30 GMT', 30_000],
    ['HTTP-date in the past', 'Wed, 28 Jan 2026 09:00:00 GMT', 0],
    ['garbage', 'soon', undefined],
    ['negative', '-5', undefined],
    ['fraction', '1.5', undefined],
  ] as const)('%s', (_name, given, want) => {
    expect(parseRetryAfter(given, now)).toBe(want);
  });
});

describe('HttpClient', () => {
  let server: Server;
  let base = '';
  let inFlight = 0;
  let maxInFlight = 0;
  const hits = new Map<string, number>();
  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      hits.set(path, (hits.get(path) ?? 0) + 1);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      res.on('close', () => inFlight--);
      setTimeout(
        () => {
          if (path.startsWith('/slow')) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
          if (path === '/bad-request') return void res.writeHead(400).end('{"error":{"type":"validation_error","message":"limit must be ≤ 100"}}');
          if (path === '/etag') {
            if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
            return void res.writeHead(200, { etag: '"v1"' }).end('{"n":1}');
          }
          if (path === '/big') return void res.writeHead(200).end(JSON.stringify({ s: 'x'.repeat(5000) }));
          if (path === '/garbage-retry-after') {
            if (hits.get(path) === 1) return void res.writeHead(429, { 'retry-after': 'whenever' }).end();
            return void res.writeHead(200).end('[]');
          }
          res.writeHead(404).end();
        },
        path.startsWith('/slow') ? 40 : 0,
      );
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('never has more requests in flight than its concurrency, and uses all of it', async () => {
    maxInFlight = 0;
    const http = new HttpClient({ concurrency: 3, retries: 0 });
    await Promise.all(Array.from({ length: 12 }, (_, i) => http.getJson(`${base}/slow/${i}`, { label: `t${i}` })));
    expect(maxInFlight).toBe(3);
    expect(http.stats.maxInFlight).toBe(3);
    expect(http.stats.requests).toBe(12);
  });

  it('does not retry a 400, and keeps the provider message', async () => {
    const http = new HttpClient({ retries: 3, backoffBaseMs: 1 });
    const err = await http.getJson(`${base}/bad-request`, { label: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).kind).toBe('http');
    expect((err as FetchError).message).toBe(`x: HTTP 400 Bad Request from GET ${base}/bad-request: validation_error: limit must be ≤ 100`);
    expect(hits.get('/bad-request')).toBe(1);
  });

  it('sends If-None-Match and reports 304 with no data', async () => {
    const http = new HttpClient();
    const first = await http.getJson(`${base}/etag`, { label: 'e' });
    expect(first).toEqual({ status: 200, data: { n: 1 }, etag: '"v1"' });
    expect(await http.getJson(`${base}/etag`, { label: 'e', etag: first.etag })).toEqual({ status: 304, data: undefined, etag: '"v1"' });
  });

  it('refuses a body over the size limit without retrying', async () => {
    const http = new HttpClient({ maxBodyBytes: 1000, retries: 3, backoffBaseMs: 1 });
    const err = await http.getJson(`${base}/big`, { label: 'b' }).catch((e: unknown) => e);
    expect((err as FetchError).kind).toBe('too-large');
    expect(hits.get('/big')).toBe(1);
  });

  it('falls back to backoff when Retry-After is unparseable (instead of waiting the cap)', async () => {
    const retries: string[] = [];
    const http = new HttpClient({ backoffBaseMs: 5, retryAfterMaxMs: 60_000 }, { onEvent: (e) => e.type === 'retry' && retries.push(e.reason) });
    const started = Date.now();
    expect((await http.getJson(`${base}/garbage-retry-after`, { label: 'g' })).data).toEqual([]);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(retries).toEqual(['HTTP 429']);
  });

  it('stops at once when aborted', async () => {
    const ac = new AbortController();
    const http = new HttpClient({ concurrency: 1 }, { signal: ac.signal });
    const p = Promise.allSettled([http.getJson(`${base}/slow/a`, { label: 'a' }), http.getJson(`${base}/slow/b`, { label: 'b' })]);
    ac.abort();
    const [a, b] = await p;
    expect(a.status === 'rejected' && (a.reason as FetchError).kind).toBe('aborted');
    expect(b.status === 'rejected' && (b.reason as FetchError).kind).toBe('aborted');
  });
});

/**
 * Local stand-ins for FAL's Platform API and Comet's API, on 127.0.0.1, speaking
 * the documented protocols (docs: ../shared/docs/provider-apis.md §1.2, §1.3,
 * §2.3, §2.4) with their real envelopes and cursor pagination, plus injectable
 * faults. Used by tests/fetch-*.test.ts; the data comes from tests/fixtures/fetch/.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './helpers/cli.js';

export const fetchFixtures = join(projectRoot, 'tests', 'fixtures', 'fetch');

export interface FalItem {
  endpoint_id: string;
  metadata?: Record<string, unknown>;
  openapi?: unknown;
}
export interface FalPriceItem {
  endpoint_id: string;
  unit_price: number;
  unit: string;
  currency: string;
}

export function loadFalFixture(): { models: FalItem[]; prices: FalPriceItem[] } {
  const models = (JSON.parse(readFileSync(join(fetchFixtures, 'fal-models.json'), 'utf8')) as { models: FalItem[] }).models;
  const prices = (JSON.parse(readFileSync(join(fetchFixtures, 'fal-pricing.json'), 'utf8')) as { prices: FalPriceItem[] }).prices;
  return { models, prices };
}

export function loadCometFixture(): { v1: Record<string, unknown>; api: Record<string, unknown> } {
  return {
    v1: JSON.parse(readFileSync(join(fetchFixtures, 'comet-v1-models.json'), 'utf8')) as Record<string, unknown>,
    api: JSON.parse(readFileSync(join(fetchFixtures, 'comet-api-models.json'), 'utf8')) as Record<string, unknown>,
  };
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  at: number;
  /** Status sent, or the fault applied. */
  outcome: string;
}

/** What to do instead of (or before) the normal answer. */
export type Fault =
  | { kind: 'status'; status: number; headers?: Record<string, string> | (() => Record<string, string>); body?: unknown }
  /** Accept the request and never answer. */
  | { kind: 'hang' }
  /** Send the headers and half the body, then stall. */
  | { kind: 'hang-body' }
  /** Promise more bytes (Content-Length) than are sent, then close the connection. */
  | { kind: 'truncate' }
  /** A complete 200 response whose JSON is cut in the middle. */
  | { kind: 'invalid-json' }
  /** Close the connection without a response. */
  | { kind: 'reset' }
  /** Answer normally, after a delay. */
  | { kind: 'delay'; ms: number };

export interface FaultRule {
  /** Which requests (default: all). */
  match?: (r: RecordedRequest) => boolean;
  /** How many matching requests get the fault (default: all). */
  times?: number;
  fault: Fault;
}

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };
type Handler = (r: RecordedRequest) => Answer;

/** A JSON API server with a request log, fault rules, optional latency and ETags, and an in-flight counter. */
export class FakeApi {
  readonly requests: RecordedRequest[] = [];
  faults: FaultRule[] = [];
  latencyMs = 0;
  etags = false;
  inFlight = 0;
  maxInFlight = 0;
  url = '';
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly handler: Handler) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.serve(req, res));
    this.server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Requests whose path is `path` (query ignored). */
  hits(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const u = new URL(req.url ?? '/', 'http://x');
    const rec: RecordedRequest = { method: req.method ?? 'GET', path: u.pathname, query: u.searchParams, headers: req.headers, at: Date.now(), outcome: '' };
    this.requests.push(rec);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    let finished = false;
    const done = (): void => {
      if (!finished) {
        finished = true;
        this.inFlight--;
      }
    };
    res.on('close', done);
    if (this.latencyMs > 0) await sleep(this.latencyMs);
    const rule = this.faults.find((f) => (f.times === undefined || f.times > 0) && (!f.match || f.match(rec)));
    if (rule && rule.times !== undefined) rule.times--;
    const fault = rule?.fault;
    if (fault?.kind === 'delay') await sleep(fault.ms);
    if (fault && fault.kind !== 'delay') rec.outcome = fault.kind === 'status' ? String(fault.status) : fault.kind;
    switch (fault?.kind) {
      case 'hang':
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'status': {
        const text = fault.body === undefined ? '' : JSON.stringify(fault.body);
        res.writeHead(fault.status, { 'content-type': 'application/json', ...(typeof fault.headers === 'function' ? fault.headers() : fault.headers) });
        res.end(text);
        return;
      }
      default:
        break;
    }
    const answer = this.handler(rec);
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
    const headers: Record<string, string> = { 'content-type': 'application/json', ...answer.headers };
    if (answer.status === 200 && this.etags) {
      const etag = `W/"${createHash('sha1').update(text).digest('hex').slice(0, 16)}"`;
      headers.etag = etag;
      if (req.headers['if-none-match'] === etag) {
        rec.outcome = '304';
        res.writeHead(304, { etag });
        res.end();
        return;
      }
    }
    if (fault?.kind === 'invalid-json') {
      const cut = text.slice(0, Math.floor(text.length / 2));
      res.writeHead(200, { ...headers, 'content-length': String(Buffer.byteLength(cut)) });
      res.end(cut);
      return;
    }
    if (fault?.kind === 'truncate' || fault?.kind === 'hang-body') {
      res.writeHead(200, { ...headers, 'content-length': String(Buffer.byteLength(text)) });
      res.write(text.slice(0, Math.floor(text.length / 2)));
      if (fault.kind === 'truncate') setTimeout(() => req.socket.destroy(), 10);
      return;
    }
    rec.outcome = String(answer.status);
    res.writeHead(answer.status, { ...headers, 'content-length': String(Buffer.byteLength(text)) });
    res.end(text);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export interface FalServerOptions {
  models: FalItem[];
  prices: FalPriceItem[];
  pageSize?: number;
  /** The key FAL accepts; listing works without one, pricing needs it. */
  key?: string;
  /** Models FAL still knows by id but no longer lists as active (Find mode returns them). */
  deprecated?: FalItem[];
  /** From this page on, next_cursor points back to the previous page (a pagination loop). */
  loopAtPage?: number;
  /** Answer 404 to a pricing request that names any endpoint without a price. */
  pricing404?: boolean;
}

const falError = (type: string, message: string): unknown => ({ error: { type, message, docs_url: 'https://docs.fal.ai/platform-apis' } });

/** FAL's Platform API: `GET /v1/models` (list / find, cursor pagination) and `GET /v1/models/pricing`. */
export function falServer(o: FalServerOptions): FakeApi {
  const pageSize = o.pageSize ?? 7;
  const api: FakeApi = new FakeApi((r) => {
    const auth = r.headers.authorization;
    if (auth !== undefined && auth !== `Key ${o.key}`) return { status: 401, body: falError('authorization_error', 'Invalid API key') };
    if (r.path === '/v1/models') {
      const ids = r.query.getAll('endpoint_id').flatMap((v) => v.split(','));
      if (ids.length > 0) {
        const all = [...o.models, ...(o.deprecated ?? [])];
        return { status: 200, body: { models: all.filter((m) => ids.includes(m.endpoint_id)), next_cursor: null, has_more: false } };
      }
      const status = r.query.get('status');
      const models = status === 'active' ? o.models.filter((m) => (m.metadata?.status ?? 'active') === 'active') : o.models;
      const expand = r.query.getAll('expand').includes('openapi-3.0');
      const cursor = r.query.get('cursor');
      const page = cursor === null ? 1 : Number(Buffer.from(cursor, 'base64').toString('utf8'));
      if (!Number.isInteger(page) || page < 1) return { status: 400, body: falError('validation_error', 'Invalid cursor') };
      const slice = models.slice((page - 1) * pageSize, page * pageSize).map((m) => (expand ? m : { endpoint_id: m.endpoint_id, metadata: m.metadata }));
      const hasMore = page * pageSize < models.length;
      const nextPage = o.loopAtPage !== undefined && page >= o.loopAtPage ? page - 1 : page + 1;
      return { status: 200, body: { models: slice, next_cursor: hasMore ? Buffer.from(String(nextPage)).toString('base64') : null, has_more: hasMore } };
    }
    if (r.path === '/v1/models/pricing') {
      if (auth === undefined) return { status: 401, body: falError('authorization_error', 'Authentication required') };
      const ids = r.query.getAll('endpoint_id').flatMap((v) => v.split(','));
      if (ids.length < 1 || ids.length > 50) return { status: 400, body: falError('validation_error', 'endpoint_id: between 1 and 50 ids') };
      const unknown = ids.filter((id) => !o.prices.some((p) => p.endpoint_id === id));
      if (o.pricing404 && unknown.length > 0) return { status: 404, body: falError('not_found', `No pricing for ${unknown[0]}`) };
      return { status: 200, body: { prices: o.prices.filter((p) => ids.includes(p.endpoint_id)), next_cursor: null, has_more: false } };
    }
    return { status: 404, body: falError('not_found', `No route ${r.path}`) };
  });
  return api;
}

export interface CometServerOptions {
  v1: Record<string, unknown>;
  api: Record<string, unknown>;
  key: string;
}

/** Comet: `GET /v1/models` (Bearer, new-api envelope) and the public `GET /api/models`. */
export function cometServer(o: CometServerOptions): FakeApi {
  return new FakeApi((r) => {
    if (r.path === '/v1/models') {
      if (r.headers.authorization !== `Bearer ${o.key}`) {
        return { status: 401, body: { error: { message: 'Invalid token (request id: 2025112402000000000)', type: 'new_api_error', code: 'invalid_api_key' } } };
      }
      return { status: 200, body: o.v1 };
    }
    if (r.path === '/api/models') return { status: 200, body: o.api };
    return { status: 404, body: { error: { message: `Invalid URL (GET ${r.path})`, type: 'invalid_request_error' } } };
  });
}

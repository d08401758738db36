import { describe, expect, it } from 'vitest';
import { delay, json, rejection, useClientAndServer } from './sdk-helpers.js';
import type { ClientModule, Seen, TestServer } from './sdk-helpers.js';

let client: ClientModule;
let server: TestServer;

useClientAndServer((c, s) => {
  client = c;
  server = s;
});

const output = {
  images: [{ url: 'https://cdn.example/banana.png', width: 1024, height: 768 }],
  timings: { inference: 1.2 },
  seed: 42,
  has_nsfw_concepts: [false],
  prompt: 'a banana',
};

/**
 * The queue URLs FAL returns at submit. They live under a prefix the client could not
 * construct from the endpoint id (`/queue-b/...`, without the `/dev` subpath): requests that
 * reach them prove the client follows the URLs instead of building its own.
 */
function queued(requestId: string, extra: Record<string, unknown> = {}) {
  const base = `${server.baseUrl}/queue-b/fal-ai/flux/requests/${requestId}`;
  return {
    status: 'IN_QUEUE',
    request_id: requestId,
    status_url: `${base}/status`,
    response_url: base,
    cancel_url: `${base}/cancel`,
    queue_position: 2,
    ...extra,
  };
}

function fal(retry: { retries?: number; baseDelay?: number; maxDelay?: number } | false = { baseDelay: 5 }) {
  return client.createFalClient({ apiKey: 'fal-test-key', baseUrl: server.baseUrl, retry });
}

const lines = (seen: Seen[]) => seen.map((s) => `${s.method} ${s.url}`);

describe('fal.subscribe', () => {
  it('submits, polls IN_QUEUE -> IN_PROGRESS -> COMPLETED with growing waits, then returns the typed result', async () => {
    let polls = 0;
    server.handle((req, res) => {
      if (req.method === 'POST') return json(res, 200, queued('r1'));
      if (req.url.startsWith('/queue-b/fal-ai/flux/requests/r1/status')) {
        polls++;
        const status =
          polls === 1
            ? { status: 'IN_QUEUE', request_id: 'r1', queue_position: 0 }
            : polls === 2
              ? { status: 'IN_PROGRESS', request_id: 'r1', logs: [{ message: 'step 1' }] }
              : { status: 'COMPLETED', request_id: 'r1' };
        return json(res, 200, status);
      }
      if (req.url === '/queue-b/fal-ai/flux/requests/r1') return json(res, 200, output);
      return json(res, 404, { detail: 'Not Found' });
    });
    const updates: string[] = [];
    const out = await fal().subscribe(
      'fal-ai/flux/dev',
      { prompt: 'a banana' },
      {
        pollInterval: 40,
        maxPollInterval: 70,
        logs: true,
        onQueueUpdate: (s) => updates.push(`${s.status}${s.queue_position === undefined ? '' : `@${s.queue_position}`}`),
      },
    );

    expect(out).toEqual(output);
    expect(out.images[0]?.url).toBe('https://cdn.example/banana.png');
    expect(updates).toEqual(['IN_QUEUE@2', 'IN_QUEUE@0', 'IN_PROGRESS', 'COMPLETED']);
    expect(lines(server.seen)).toEqual([
      'POST /fal-ai/flux/dev',
      'GET /queue-b/fal-ai/flux/requests/r1/status?logs=1',
      'GET /queue-b/fal-ai/flux/requests/r1/status?logs=1',
      'GET /queue-b/fal-ai/flux/requests/r1/status?logs=1',
      'GET /queue-b/fal-ai/flux/requests/r1',
    ]);
    expect(server.seen.every((s) => s.headers.authorization === 'Key fal-test-key')).toBe(true);
    expect(JSON.parse(server.seen[0]?.body ?? '')).toEqual({ prompt: 'a banana' });
    // Backoff: 40 ms, then 60, then 70 (the cap). Timers never fire early.
    const gaps = server.seen.slice(1, 4).map((s, i) => s.at - (server.seen[i]?.at ?? 0));
    expect(gaps[0]).toBeGreaterThanOrEqual(38);
    expect(gaps[1]).toBeGreaterThanOrEqual(58);
    expect(gaps[2]).toBeGreaterThanOrEqual(68);
  });

  it('goes straight to the result when the submit already says COMPLETED', async () => {
    server.handle((req, res) => (req.method === 'POST' ? json(res, 200, queued('r0', { status: 'COMPLETED' })) : json(res, 200, output)));
    const out = await fal().subscribe('fal-ai/flux/dev', { prompt: 'cached' });
    expect(out.seed).toBe(42);
    expect(lines(server.seen)).toEqual(['POST /fal-ai/flux/dev', 'GET /queue-b/fal-ai/flux/requests/r0']);
  });

  it('a failed request (the result answers 422) rejects with a HubApiError carrying status, provider and body', async () => {
    const detail = [{ loc: ['body', 'prompt'], msg: 'NSFW content detected', type: 'content_policy_violation' }];
    server.handle((req, res) => {
      if (req.method === 'POST') return json(res, 200, queued('r2'));
      if (req.url.endsWith('/status')) return json(res, 200, { status: 'COMPLETED', request_id: 'r2' });
      return json(res, 422, { detail });
    });
    const err = await rejection(fal().subscribe('fal-ai/flux/dev', { prompt: 'x' }, { pollInterval: 1 }));
    expect(err).toBeInstanceOf(client.HubApiError);
    const e = err as InstanceType<ClientModule['HubApiError']>;
    expect(e.name).toBe('HubApiError');
    expect(e.provider).toBe('fal');
    expect(e.status).toBe(422);
    expect(e.body).toEqual({ detail });
    expect(e.response.status).toBe(422);
    expect(e.message).toContain('fal: /queue-b/fal-ai/flux/requests/r2 answered 422');
    expect(e.message).toContain('NSFW content detected');
    expect(e.message).not.toContain('fal-test-key');
    // 422 is final: no repeat.
    expect(server.seen.filter((s) => s.url === '/queue-b/fal-ai/flux/requests/r2')).toHaveLength(1);
  });

  it('a refused submit (401) rejects at once, without retries', async () => {
    server.handle((_req, res) => json(res, 401, { detail: 'Invalid key' }));
    const e = (await rejection(fal().subscribe('fal-ai/flux/dev', { prompt: 'x' }))) as InstanceType<ClientModule['HubApiError']>;
    expect([e.status, e.provider, e.body]).toEqual([401, 'fal', { detail: 'Invalid key' }]);
    expect(server.seen).toHaveLength(1);
  });

  it('a 429 and a 503 while polling are retried (honouring Retry-After), and the job still completes', async () => {
    let polls = 0;
    server.handle((req, res) => {
      if (req.method === 'POST') return json(res, 200, queued('r3'));
      if (req.url.endsWith('/status')) {
        polls++;
        if (polls === 1) return json(res, 429, { detail: 'rate limited' }, { 'retry-after': '1' });
        if (polls === 2) return json(res, 503, { detail: 'busy' });
        return json(res, 200, { status: 'COMPLETED', request_id: 'r3' });
      }
      return json(res, 200, output);
    });
    const updates: string[] = [];
    const out = await fal().subscribe('fal-ai/flux/dev', { prompt: 'x' }, { pollInterval: 1, onQueueUpdate: (s) => updates.push(s.status) });
    expect(out.prompt).toBe('a banana');
    // The retries are invisible to the caller: one update per answered poll.
    expect(updates).toEqual(['IN_QUEUE', 'COMPLETED']);
    const status = server.seen.filter((s) => s.url.endsWith('/status'));
    expect(status).toHaveLength(3);
    // Retry-After: 1 means a second, not the 5 ms backoff.
    expect((status[1]?.at ?? 0) - (status[0]?.at ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it("abort stops the polling at once, rejects with the signal's reason, and fal.cancel then cancels the request", async () => {
    server.handle((req, res) => {
      if (req.method === 'POST') return json(res, 200, queued('r4'));
      if (req.method === 'PUT') return json(res, 200, { success: true });
      return json(res, 200, { status: 'IN_QUEUE', request_id: 'r4', queue_position: 5 });
    });
    const controller = new AbortController();
    let submitted: { request_id: string; cancel_url?: string } | undefined;
    const started = performance.now();
    const pending = fal().subscribe(
      'fal-ai/flux/dev',
      { prompt: 'x' },
      {
        signal: controller.signal,
        pollInterval: 10_000,
        onQueueUpdate: (s) => {
          submitted ??= s;
          controller.abort(new Error('user left the page'));
        },
      },
    );
    const err = await rejection(pending);
    expect((err as Error).message).toBe('user left the page');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(lines(server.seen)).toEqual(['POST /fal-ai/flux/dev']);

    if (!submitted) throw new Error('no submit');
    const cancelled = await fal().cancel('fal-ai/flux/dev', submitted);
    expect(cancelled.data).toEqual({ success: true });
    expect(lines(server.seen).at(-1)).toBe('PUT /queue-b/fal-ai/flux/requests/r4/cancel');
  });

  it('abort also ends a status request in flight', async () => {
    server.handle(async (req, res) => {
      if (req.method === 'POST') return json(res, 200, queued('r5'));
      await delay(5000);
      if (!res.destroyed) json(res, 200, { status: 'COMPLETED', request_id: 'r5' });
    });
    const started = performance.now();
    const err = await rejection(fal().subscribe('fal-ai/flux/dev', { prompt: 'x' }, { signal: AbortSignal.timeout(150), pollInterval: 1 }));
    expect((err as Error).name).toBe('TimeoutError');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('fal.cancel, and which requests are retried', () => {
  it("cancel PUTs the cancel_url returned at submit, and reports FAL's answer", async () => {
    server.handle((_req, res) => json(res, 400, { detail: 'Request is already being processed' }));
    const r = await fal().cancel('fal-ai/flux/dev', queued('r6'));
    expect(r.error).toEqual({ detail: 'Request is already being processed' });
    expect(lines(server.seen)).toEqual(['PUT /queue-b/fal-ai/flux/requests/r6/cancel']);
  });

  it('a POST submit is repeated after a 429 (refused before it was accepted)...', async () => {
    let n = 0;
    server.handle((_req, res) => (++n === 1 ? json(res, 429, { detail: 'slow down' }, { 'retry-after': '0' }) : json(res, 200, queued('r7'))));
    const r = await fal().submit('fal-ai/flux/dev', { prompt: 'x' });
    expect(r.data?.request_id).toBe('r7');
    expect(lines(server.seen)).toEqual(['POST /fal-ai/flux/dev', 'POST /fal-ai/flux/dev']);
    expect(server.seen[1]?.body).toBe(server.seen[0]?.body);
  });

  it.each([
    ['a 503', (res: Parameters<Parameters<TestServer['handle']>[0]>[1]) => json(res, 503, { detail: 'unavailable' })],
    ['a 500', (res: Parameters<Parameters<TestServer['handle']>[0]>[1]) => json(res, 500, { detail: 'boom' })],
    ['a dropped connection', (res: Parameters<Parameters<TestServer['handle']>[0]>[1]) => void res.socket?.destroy()],
  ])('...but never after %s, which may come after the job was queued', async (_name, answer) => {
    server.handle((_req, res) => answer(res));
    await fal()
      .submit('fal-ai/flux/dev', { prompt: 'x' })
      .catch(() => undefined);
    expect(lines(server.seen)).toEqual(['POST /fal-ai/flux/dev']);
  });

  it('GETs are repeated after 5xx and dropped connections, up to `retries` times', async () => {
    let n = 0;
    server.handle((_req, res) => {
      n++;
      if (n === 1) return void res.socket?.destroy();
      if (n === 2) return json(res, 502, 'Bad Gateway');
      return json(res, 200, output);
    });
    const r = await fal().result('fal-ai/flux/dev', queued('r8'));
    expect(r.data?.seed).toBe(42);
    expect(server.seen).toHaveLength(3);

    server.seen.length = 0;
    server.handle((_req, res) => json(res, 503, { detail: 'down' }));
    const down = await fal({ retries: 2, baseDelay: 1 }).result('fal-ai/flux/dev', queued('r8'));
    expect(down.response.status).toBe(503);
    expect(server.seen).toHaveLength(3);
  });

  it("does not wait out a Retry-After longer than maxDelay, nor repeat FAL's user timeout, nor anything with retry: false", async () => {
    server.handle((_req, res) => json(res, 429, { detail: 'later' }, { 'retry-after': '3600' }));
    const started = performance.now();
    const later = await fal().status('fal-ai/flux/dev', queued('r9'));
    expect(later.response.status).toBe(429);
    expect(later.response.headers.get('retry-after')).toBe('3600');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(server.seen).toHaveLength(1);

    server.seen.length = 0;
    server.handle((_req, res) => json(res, 504, { detail: 'timeout' }, { 'x-fal-request-timeout-type': 'user' }));
    expect((await fal().result('fal-ai/flux/dev', 'r9')).response.status).toBe(504);
    expect(server.seen).toHaveLength(1);

    server.seen.length = 0;
    server.handle((_req, res) => json(res, 503, { detail: 'down' }));
    expect((await fal(false).result('fal-ai/flux/dev', 'r9')).response.status).toBe(503);
    expect(server.seen).toHaveLength(1);
  });

  it('the signal of a single call also ends a retry wait', async () => {
    server.handle((_req, res) => json(res, 503, { detail: 'down' }, { 'retry-after': '20' }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('gave up')), 50);
    const started = performance.now();
    const err = await rejection(fal({ maxDelay: 60_000 }).status('fal-ai/flux/dev', 'r11', { signal: controller.signal }));
    expect((err as Error).message).toBe('gave up');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(server.seen).toHaveLength(1);
  });

  it('a Retry-After given as an HTTP date is honoured', async () => {
    let n = 0;
    server.handle((_req, res) => (++n === 1 ? json(res, 503, {}, { 'retry-after': new Date(Date.now() + 1500).toUTCString() }) : json(res, 200, output)));
    const started = performance.now();
    expect((await fal().result('fal-ai/flux/dev', 'r10')).data?.seed).toBe(42);
    // HTTP dates have whole seconds: the wait is between 0.5 and 1.5 s.
    expect(performance.now() - started).toBeGreaterThanOrEqual(400);
    expect(server.seen).toHaveLength(2);
  });
});

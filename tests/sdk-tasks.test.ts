import { describe, expect, it } from 'vitest';
import { json, rejection, useClientAndServer } from './sdk-helpers.js';
import type { ClientModule, Seen, TestServer } from './sdk-helpers.js';

/**
 * The generic task poller of the generated client (runtime/tasks.ts), driven by the fixture's
 * x-hub-poll links, against a server on 127.0.0.1 that speaks Comet's task protocols: the
 * /v1/videos job (lower-case statuses), Midjourney (upper-case), Kling (nested status and result),
 * Suno (polled by POST with a body), Runway (a failure status), and 429 with Retry-After.
 */
let client: ClientModule;
let server: TestServer;

useClientAndServer((c, s) => {
  client = c;
  server = s;
});

type HubApiError = InstanceType<ClientModule['HubApiError']>;
type HubTaskError = InstanceType<ClientModule['HubTaskError']>;

function comet() {
  return client.createCometClient({ apiKey: 'comet-test-key', baseUrl: server.baseUrl, retry: { baseDelay: 5 } });
}

/** A handler that answers the n-th poll of a path with states[n] (the last one repeats). */
function polls(seen: Seen, states: unknown[], counter: { n: number }): unknown {
  void seen;
  return states[Math.min(counter.n++, states.length - 1)];
}

describe('comet.tasks: the generic poller', () => {
  it('/v1/videos: multipart create, then polls GET /v1/videos/{id} until `completed` and returns video_url', async () => {
    const counter = { n: 0 };
    let contentType = '';
    server.handle((req, res) => {
      if (req.method === 'POST' && req.url === '/v1/videos') {
        contentType = String(req.headers['content-type']);
        return json(res, 200, { id: 'video_1', object: 'video', status: 'queued' });
      }
      if (req.url === '/v1/videos/video_1') {
        return json(
          res,
          200,
          polls(
            req,
            [
              { id: 'video_1', status: 'queued' },
              { id: 'video_1', status: 'in_progress', progress: 50 },
              { id: 'video_1', status: 'completed', video_url: 'https://cdn/v.mp4' },
            ],
            counter,
          ),
        );
      }
      return json(res, 404, { error: { message: 'no' } });
    });
    const seen: string[] = [];
    const done = await comet().videos.createAndWait(
      { model: 'sora-2', prompt: 'a banana', seconds: '8' },
      { pollInterval: 5, onTaskUpdate: (t) => seen.push(t.status) },
    );
    expect(done).toEqual({ task: { id: 'video_1', status: 'completed', video_url: 'https://cdn/v.mp4' }, status: 'completed', result: 'https://cdn/v.mp4' });
    expect(seen).toEqual(['queued', 'in_progress', 'completed']);
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(server.seen[0]?.body).toContain('name="prompt"\r\n\r\na banana');
    expect(server.seen.slice(1).every((s) => s.method === 'GET' && s.headers.authorization === 'Bearer comet-test-key')).toBe(true);
  });

  it('statuses match case-insensitively: Seedance answers SUCCESS on the same route', async () => {
    const counter = { n: 0 };
    server.handle((req, res) =>
      json(
        res,
        200,
        polls(
          req,
          [
            { id: 'v2', status: 'SUBMITTED' },
            { id: 'v2', status: 'IN_PROGRESS' },
            { id: 'v2', status: 'SUCCESS', video_url: 'u' },
          ],
          counter,
        ),
      ),
    );
    const done = await comet().tasks.wait('cometCreateVideo', { id: 'v2', status: 'SUBMITTED' }, { pollInterval: 5 });
    expect(done.status).toBe('SUCCESS');
    expect(done.result).toBe('u');
    expect(server.seen.map((s) => s.url)).toEqual(['/v1/videos/v2', '/v1/videos/v2', '/v1/videos/v2']);
  });

  it('Midjourney: imagine, then GET /mj/task/{result}/fetch until SUCCESS; the result is imageUrl', async () => {
    const counter = { n: 0 };
    server.handle((req, res) => {
      if (req.url === '/mj/submit/imagine') return json(res, 200, { code: 1, description: 'Submission successful', result: '1773314942177684' });
      return json(
        res,
        200,
        polls(
          req,
          [
            { id: 'x', status: 'NOT_START' },
            { id: 'x', status: 'IN_PROGRESS', progress: '58%' },
            { id: 'x', status: 'SUCCESS', imageUrl: 'https://api.cometapi.com/mj/image/x' },
          ],
          counter,
        ),
      );
    });
    const done = await comet().midjourney.imagineAndWait({ prompt: 'a banana --ar 16:9' }, { pollInterval: 5 });
    expect(done.result).toBe('https://api.cometapi.com/mj/image/x');
    expect(server.seen.map((s) => `${s.method} ${s.url}`)).toEqual(['POST /mj/submit/imagine', ...Array(3).fill('GET /mj/task/1773314942177684/fetch')]);
  });

  it('Kling: nested status (succeed) and result (/data/task_result/videos/0/url)', async () => {
    const counter = { n: 0 };
    server.handle((req, res) => {
      if (req.method === 'POST') return json(res, 200, { code: 0, data: { task_id: 'k1', task_status: 'submitted' } });
      return json(
        res,
        200,
        polls(
          req,
          [
            { code: 0, data: { task_id: 'k1', task_status: 'processing' } },
            { code: 0, data: { task_id: 'k1', task_status: 'succeed', task_result: { videos: [{ url: 'https://k/1.mp4' }] } } },
          ],
          counter,
        ),
      );
    });
    const done = await comet().kling.text2videoAndWait({ prompt: 'a banana', mode: 'std' }, { pollInterval: 5 });
    expect(done.result).toBe('https://k/1.mp4');
    expect(server.seen.at(-1)?.url).toBe('/kling/v1/videos/text2video/k1');
  });

  it('Suno: polled by POST /suno/fetch with the ids from the submit answer', async () => {
    const counter = { n: 0 };
    server.handle((req, res) => {
      if (req.url === '/suno/submit/music') return json(res, 200, { code: 'success', data: 'suno-task-7' });
      return json(
        res,
        200,
        polls(
          req,
          [
            { data: [{ task_id: 'suno-task-7', status: 'IN_PROGRESS' }] },
            { data: [{ task_id: 'suno-task-7', status: 'complete', data: [{ audio_url: 'https://s/a.mp3' }] }] },
          ],
          counter,
        ),
      );
    });
    const done = await comet().suno.musicAndWait({ prompt: '', tags: 'lofi' }, { pollInterval: 5 });
    expect(done.result).toEqual({ task_id: 'suno-task-7', status: 'complete', data: [{ audio_url: 'https://s/a.mp3' }] });
    expect(server.seen.slice(1).map((s) => [s.method, s.url, s.body])).toEqual([
      ['POST', '/suno/fetch', '{"ids":"suno-task-7"}'],
      ['POST', '/suno/fetch', '{"ids":"suno-task-7"}'],
    ]);
  });

  it('a failure status rejects with a HubTaskError carrying the task (Runway FAILED)', async () => {
    server.handle((req, res) =>
      req.method === 'POST' ? json(res, 200, { id: 'r1' }) : json(res, 200, { id: 'r1', status: 'FAILED', failure: 'content moderation' }),
    );
    const err = (await rejection(comet().runway.imageToVideoAndWait({ promptImage: 'https://x/y.png' }, { pollInterval: 5 }))) as HubTaskError;
    expect(err).toBeInstanceOf(client.HubTaskError);
    expect(err).toBeInstanceOf(client.HubApiError);
    expect(err.taskStatus).toBe('FAILED');
    expect(err.body).toEqual({ id: 'r1', status: 'FAILED', failure: 'content moderation' });
    expect(err.message).toContain('comet: the task ended with status FAILED');
  });

  it('a 429 with Retry-After while polling is waited out (the poll is a GET), and the task still completes', async () => {
    let n = 0;
    server.handle((_req, res) => {
      n++;
      if (n === 2) return json(res, 429, { error: { message: 'slow down' } }, { 'retry-after': '1' });
      return json(res, 200, n >= 3 ? { id: 'v3', status: 'completed', video_url: 'u3' } : { id: 'v3', status: 'queued' });
    });
    const done = await comet().tasks.wait('cometCreateVideo', { id: 'v3', status: 'queued' }, { pollInterval: 5 });
    expect(done.result).toBe('u3');
    const [, limited, after] = server.seen;
    expect((after?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('a 429 on the submit POST is repeated (refused before it was accepted); a 500 is not', async () => {
    let posts = 0;
    server.handle((req, res) => {
      if (req.method === 'POST')
        return ++posts === 1 ? json(res, 429, { error: { message: 'rate' } }, { 'retry-after': '0' }) : json(res, 200, { id: 'v4', status: 'queued' });
      return json(res, 200, { id: 'v4', status: 'completed' });
    });
    expect((await comet().tasks.run('cometCreateVideo', { model: 'sora-2', prompt: 'p' }, { pollInterval: 5 })).status).toBe('completed');
    expect(posts).toBe(2);

    server.handle((_req, res) => json(res, 500, { error: { message: 'boom' } }));
    server.seen.length = 0;
    const err = (await rejection(comet().videos.createAndWait({ model: 'sora-2', prompt: 'p' }))) as HubApiError;
    expect(err.status).toBe(500);
    expect(server.seen).toHaveLength(1);
  });

  it('a submit answer without the id the poll needs is a clear error, and an unknown operation too', async () => {
    const err = (await rejection(comet().tasks.wait('cometCreateVideo', { status: 'queued' } as never))) as Error;
    expect(err.message).toContain('comet: no video_id at /id in the submit answer');
    const unknown = (await rejection(comet().tasks.wait('cometNoSuchThing' as never, {} as never))) as Error;
    expect(unknown.message).toContain('cometNoSuchThing is not a task operation of the document');
    expect(server.seen).toHaveLength(0);
  });

  it('the signal ends the wait with its reason', async () => {
    server.handle((_req, res) => json(res, 200, { id: 'v5', status: 'in_progress' }));
    const err = await rejection(
      comet().tasks.wait('cometCreateVideo', { id: 'v5', status: 'queued' }, { signal: AbortSignal.timeout(100), pollInterval: 10_000 }),
    );
    expect((err as Error).name).toBe('TimeoutError');
  });
});

describe('base URLs: a key only over https, or http to this machine', () => {
  it('defaults are https', () => {
    expect(client.COMET_BASE_URL).toMatch(/^https:\/\//);
    expect(client.FAL_BASE_URL).toMatch(/^https:\/\//);
  });

  it.each([
    ['http://api.cometapi.com', false],
    ['http://10.0.0.5:8080', false],
    ['ftp://127.0.0.1', false],
    ['https://gateway.example', true],
    ['http://127.0.0.1:9999', true],
    ['http://localhost:9999', true],
    ['http://[::1]:9999', true],
  ])('%s with a key: allowed %s', (baseUrl, allowed) => {
    const make = () => client.createCometClient({ apiKey: 'k', baseUrl });
    const makeFal = () => client.createFalClient({ apiKey: 'k', baseUrl });
    if (allowed) {
      expect(make).not.toThrow();
      expect(makeFal).not.toThrow();
    } else {
      expect(make).toThrow(/refusing to send the API key to .*: use https/);
      expect(makeFal).toThrow(/^fal: refusing/);
    }
  });

  it('without a key any URL is allowed; a key in headers counts as a key', () => {
    expect(() => client.createCometClient({ apiKey: '', baseUrl: 'http://gateway.internal' })).not.toThrow();
    expect(() => client.createCometClient({ apiKey: '', baseUrl: 'http://gateway.internal', headers: { 'x-api-key': 'k' } })).toThrow(/refusing/);
    expect(() => client.createCometClient({ apiKey: 'k', baseUrl: 'not a url' })).toThrow(/is not an absolute URL/);
  });
});

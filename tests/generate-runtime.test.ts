import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { removeTempProjects } from './generate-helpers.js';
// The module's types are the golden declarations; the code is generated fresh from the fixture.
import { loadGeneratedClient, type ClientModule } from './sdk-helpers.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Reply {
  status: number;
  body: unknown;
}

let server: Server;
let baseUrl: string;
let seen: Seen[] = [];
let reply: (req: Seen) => Reply = () => ({ status: 200, body: {} });
let client: ClientModule;

beforeAll(async () => {
  client = await loadGeneratedClient();

  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s: Seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      seen.push(s);
      const r = reply(s);
      const text = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
      res.writeHead(r.status, { 'content-type': typeof r.body === 'string' ? 'text/plain' : 'application/json' });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await removeTempProjects();
});

beforeEach(() => {
  seen = [];
  reply = () => ({ status: 200, body: {} });
});

function only(): Seen {
  expect(seen).toHaveLength(1);
  const s = seen[0];
  if (!s) throw new Error('no request');
  return s;
}

describe('generated client: FAL', () => {
  it('submit POSTs the input to /<endpoint id> with `Authorization: Key <key>` and returns the queue status', async () => {
    const queued = {
      status: 'IN_QUEUE',
      request_id: 'req-1',
      status_url: `${baseUrl}/fal-ai/flux/requests/req-1/status`,
      response_url: `${baseUrl}/fal-ai/flux/requests/req-1`,
      cancel_url: `${baseUrl}/fal-ai/flux/requests/req-1/cancel`,
    };
    reply = () => ({ status: 200, body: queued });
    const { fal } = client.createHubClient({ comet: { apiKey: 'comet-key' }, fal: { apiKey: 'fal-key', baseUrl } });

    const r = await fal.submit('fal-ai/flux/dev', { prompt: 'a banana in a studio', num_images: 2 });
    expect(r.error).toBeUndefined();
    expect(r.data).toEqual(queued);
    const s = only();
    expect(s.method).toBe('POST');
    expect(s.url).toBe('/fal-ai/flux/dev');
    expect(s.headers.authorization).toBe('Key fal-key');
    expect(s.headers['content-type']).toBe('application/json');
    expect(JSON.parse(s.body)).toEqual({ prompt: 'a banana in a studio', num_images: 2 });
  });

  it('result, status and cancel follow the URLs returned at submit, under the configured base URL', async () => {
    const fal = client.createFalClient({ apiKey: 'fal-key', baseUrl });
    const queued = {
      status: 'IN_QUEUE' as const,
      request_id: 'req-2',
      // A gateway may hand back the provider's own host: only the path is used, so the key stays on baseUrl.
      status_url: 'https://queue.fal.run/fal-ai/minimax/requests/req-2/status',
      response_url: 'https://queue.fal.run/fal-ai/minimax/requests/req-2',
      cancel_url: 'https://queue.fal.run/fal-ai/minimax/requests/req-2/cancel',
    };
    reply = (req) => ({
      status: 200,
      body: req.url.endsWith('/req-2') ? { video: { url: 'https://cdn.example/v.mp4' } } : { status: 'COMPLETED', request_id: 'req-2' },
    });

    const result = await fal.result('fal-ai/minimax/video-01/image-to-video', queued);
    expect(result.data?.video.url).toBe('https://cdn.example/v.mp4');
    const status = await fal.status('fal-ai/minimax/video-01/image-to-video', queued, { logs: true });
    expect(status.data?.status).toBe('COMPLETED');
    await fal.cancel('fal-ai/minimax/video-01/image-to-video', queued);

    expect(seen.map((s) => `${s.method} ${s.url} ${s.headers.authorization ?? ''}`)).toEqual([
      'GET /fal-ai/minimax/requests/req-2 Key fal-key',
      'GET /fal-ai/minimax/requests/req-2/status?logs=1 Key fal-key',
      'PUT /fal-ai/minimax/requests/req-2/cancel Key fal-key',
    ]);
  });

  it('with a bare request id, queue URLs drop the endpoint subpath (as FAL documents and fal-js does)', async () => {
    const fal = client.createFalClient({ apiKey: 'k', baseUrl });
    reply = () => ({ status: 200, body: { images: [], timings: {}, seed: 1, has_nsfw_concepts: [], prompt: 'p' } });
    await fal.result('fal-ai/flux/dev', 'id with/slash');
    await fal.status('fal-ai/flux/dev', 'abc');
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual(['GET /fal-ai/flux/requests/id%20with%2Fslash', 'GET /fal-ai/flux/requests/abc/status']);
  });

  it("an error response comes back as `{ error }` with FAL's detail, and non-JSON bodies are wrapped", async () => {
    const fal = client.createFalClient({ apiKey: 'k', baseUrl });
    reply = () => ({ status: 422, body: { detail: [{ loc: ['body', 'prompt'], msg: 'field required' }] } });
    const bad = await fal.submit('fal-ai/flux/dev', { prompt: '' });
    expect(bad.data).toBeUndefined();
    expect(bad.response.status).toBe(422);
    expect(bad.error).toEqual({ detail: [{ loc: ['body', 'prompt'], msg: 'field required' }] });

    reply = () => ({ status: 502, body: 'Bad Gateway from a proxy' });
    const proxy = await fal.result('fal-ai/flux/dev', 'x');
    expect(proxy.error).toEqual({ detail: 'Bad Gateway from a proxy' });
  });
});

describe('generated client: Comet', () => {
  const body = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'hello' }], stream: false };
  const completion = {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1,
    model: 'gpt-4o-mini',
    choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' }],
  };

  it('chat.completions POSTs to /v1/chat/completions with `Authorization: Bearer <key>`', async () => {
    reply = () => ({ status: 200, body: completion });
    const { comet } = client.createHubClient({ comet: { apiKey: 'comet-key', baseUrl }, fal: { apiKey: 'fal-key' } });
    const r = await comet.chat.completions(body);
    expect(r.data).toEqual(completion);
    const s = only();
    expect(s.method).toBe('POST');
    expect(s.url).toBe('/v1/chat/completions');
    expect(s.headers.authorization).toBe('Bearer comet-key');
    expect(s.headers['content-type']).toBe('application/json');
    expect(JSON.parse(s.body)).toEqual(body);
  });

  it('the raw openapi-fetch client sends the same request, and errors come back typed', async () => {
    reply = () => ({ status: 401, body: { error: { message: 'invalid key', type: 'authentication_error' } } });
    const comet = client.createCometClient({ apiKey: 'comet-key', baseUrl: `${baseUrl}/` });
    const r = await comet.POST('/v1/chat/completions', { body });
    expect(r.error?.error.message).toBe('invalid key');
    expect(only().url).toBe('/v1/chat/completions');
  });

  it('headers override the default Authorization, and an injected fetch is used', async () => {
    reply = () => ({ status: 200, body: completion });
    const calls: string[] = [];
    const { comet, fal } = client.createHubClient({
      comet: { apiKey: 'unused', baseUrl, headers: { authorization: 'Bearer from-gateway', 'x-team': 'studio' } },
      fal: { apiKey: 'fal-key', baseUrl },
      fetch: (request) => {
        calls.push(`${request.method} ${new URL(request.url).pathname}`);
        return globalThis.fetch(request);
      },
    });
    await comet.chat.completions(body);
    await fal.submit('fal-ai/flux/dev', { prompt: 'p' });
    expect(calls).toEqual(['POST /v1/chat/completions', 'POST /fal-ai/flux/dev']);
    expect(seen[0]?.headers.authorization).toBe('Bearer from-gateway');
    expect(seen[0]?.headers['x-team']).toBe('studio');
    expect(seen[1]?.headers.authorization).toBe('Key fal-key');
  });

  it("defaults to the providers' public base URLs", () => {
    expect(client.FAL_BASE_URL).toBe('https://queue.fal.run');
    expect(client.COMET_BASE_URL).toBe('https://api.cometapi.com');
  });
});

import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { delay, json, rejection, useClientAndServer } from './sdk-helpers.js';
import type { ClientModule, TestServer } from './sdk-helpers.js';

let client: ClientModule;
let server: TestServer;

useClientAndServer((c, s) => {
  client = c;
  server = s;
});

type HubApiError = InstanceType<ClientModule['HubApiError']>;

function comet() {
  return client.createCometClient({ apiKey: 'comet-test-key', baseUrl: server.baseUrl, retry: { baseDelay: 5 } });
}

const chunk = (content: string | undefined, finish: string | null = null) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  created: 1700000000,
  model: 'gpt-4o-mini',
  choices: [{ index: 0, delta: content === undefined ? {} : { content }, finish_reason: finish }],
});

function sse(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
}

describe('comet.chat.stream', () => {
  it('sends stream: true and yields typed chunks parsed from the server-sent events, until [DONE]', async () => {
    server.handle(async (_req, res) => {
      sse(res);
      // Events split across writes, mid-line and mid-CRLF; a comment; a multi-line data field; an unknown field.
      const first = `data: ${JSON.stringify({ ...chunk(''), choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] })}\r\n\r\n`;
      const parts = [
        ': keep-alive\n\n',
        first.slice(0, 25),
        first.slice(25, -1),
        first.slice(-1),
        `event: message\nid: 2\ndata: ${JSON.stringify(chunk('Hello, '))}\n\n`,
        `data: ${JSON.stringify(chunk('banana!')).replace('"choices":', '\ndata: "choices":')}\n\n`,
        `data: ${JSON.stringify(chunk(undefined, 'stop'))}\n\n`,
        'data: [DONE]\n\n',
        `data: ${JSON.stringify(chunk('after done'))}\n\n`,
      ];
      for (const p of parts) {
        res.write(p);
        await delay(5);
      }
      res.end();
    });
    const chunks = [];
    const body = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'hello' }], temperature: 0.5 };
    for await (const c of comet().chat.stream(body)) chunks.push(c);

    expect(chunks.map((c) => c.choices[0]?.delta.content ?? null)).toEqual(['', 'Hello, ', 'banana!', null]);
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('Hello, banana!');
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks[0]?.object).toBe('chat.completion.chunk');
    const req = server.seen[0];
    expect(server.seen).toHaveLength(1);
    expect(req?.method).toBe('POST');
    expect(req?.url).toBe('/v1/chat/completions');
    expect(req?.headers.authorization).toBe('Bearer comet-test-key');
    expect(req?.headers.accept).toBe('text/event-stream');
    expect(JSON.parse(req?.body ?? '')).toEqual({ ...body, stream: true });
  });

  it('sends nothing until the iteration starts', async () => {
    server.handle((_req, res) => json(res, 500, {}));
    const stream = comet().chat.stream({ model: 'm', messages: [] });
    await delay(30);
    expect(server.seen).toHaveLength(0);
    await stream.return(undefined);
    expect(server.seen).toHaveLength(0);
  });

  it("an error answer throws a HubApiError with Comet's error body", async () => {
    server.handle((_req, res) => json(res, 401, { error: { message: 'invalid token', type: 'comet_api_error' } }));
    const err = await rejection(
      (async () => {
        for await (const _ of comet().chat.stream({ model: 'm', messages: [] })) void _;
      })(),
    );
    expect(err).toBeInstanceOf(client.HubApiError);
    const e = err as HubApiError;
    expect([e.provider, e.status, e.body]).toEqual(['comet', 401, { error: { message: 'invalid token', type: 'comet_api_error' } }]);
    expect(server.seen).toHaveLength(1);
  });

  it('an error event in the middle of the stream throws, after the chunks before it', async () => {
    server.handle((_req, res) => {
      sse(res);
      res.end(`data: ${JSON.stringify(chunk('partial'))}\n\ndata: {"error":{"message":"upstream overloaded","type":"server_error"}}\n\n`);
    });
    const got: string[] = [];
    const err = await rejection(
      (async () => {
        for await (const c of comet().chat.stream({ model: 'm', messages: [] })) got.push(c.choices[0]?.delta.content ?? '');
      })(),
    );
    expect(got).toEqual(['partial']);
    const e = err as HubApiError;
    expect(e.status).toBe(200);
    expect(e.message).toContain('the stream reported an error');
    expect(e.body).toEqual({ error: { message: 'upstream overloaded', type: 'server_error' } });
  });

  it('a stream that ends without [DONE] or without a final blank line still yields its last chunk', async () => {
    server.handle((_req, res) => {
      sse(res);
      res.end(`data: ${JSON.stringify(chunk('a'))}\n\ndata: ${JSON.stringify(chunk('b'))}`);
    });
    const got: string[] = [];
    for await (const c of comet().chat.stream({ model: 'm', messages: [] })) got.push(c.choices[0]?.delta.content ?? '');
    expect(got).toEqual(['a', 'b']);
  });

  it('abort ends a stream that hangs, and break closes the connection', async () => {
    server.handle(async (_req, res) => {
      sse(res);
      res.write(`data: ${JSON.stringify(chunk('first'))}\n\n`);
      await delay(10_000);
      res.end();
    });
    const controller = new AbortController();
    const started = performance.now();
    const got: string[] = [];
    const err = await rejection(
      (async () => {
        for await (const c of comet().chat.stream({ model: 'm', messages: [] }, { signal: controller.signal })) {
          got.push(c.choices[0]?.delta.content ?? '');
          setTimeout(() => controller.abort(), 20);
        }
      })(),
    );
    expect(got).toEqual(['first']);
    expect((err as Error).name).toBe('AbortError');
    expect(performance.now() - started).toBeLessThan(3000);

    const closedBefore = server.closedEarly;
    for await (const c of comet().chat.stream({ model: 'm', messages: [] })) {
      expect(c.choices[0]?.delta.content).toBe('first');
      break;
    }
    for (let i = 0; i < 100 && server.closedEarly === closedBefore + 0; i++) await delay(10);
    expect(server.closedEarly).toBeGreaterThan(closedBefore);
  });

  it('a 429 before the stream starts is retried; a 500 is not (the generation may have started)', async () => {
    let n = 0;
    server.handle((_req, res) => {
      n++;
      if (n === 1) return json(res, 429, { error: { message: 'rate limited' } }, { 'retry-after': '0' });
      sse(res);
      res.end(`data: ${JSON.stringify(chunk('ok'))}\n\ndata: [DONE]\n\n`);
    });
    const got: string[] = [];
    for await (const c of comet().chat.stream({ model: 'm', messages: [] })) got.push(c.choices[0]?.delta.content ?? '');
    expect(got).toEqual(['ok']);
    expect(server.seen).toHaveLength(2);

    server.seen.length = 0;
    server.handle((_req, res) => json(res, 500, { error: { message: 'internal' } }));
    const e = (await rejection(
      (async () => {
        for await (const _ of comet().chat.stream({ model: 'm', messages: [] })) void _;
      })(),
    )) as HubApiError;
    expect(e.status).toBe(500);
    expect(server.seen).toHaveLength(1);
  });
});

describe('comet: chat, images and embeddings', () => {
  it('chat.completions returns the typed completion', async () => {
    const completion = {
      id: 'c',
      object: 'chat.completion',
      created: 1,
      model: 'gpt-4o-mini',
      choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' }],
    };
    server.handle((_req, res) => json(res, 200, completion));
    const { data, error } = await comet().chat.completions({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
    expect(error).toBeUndefined();
    expect(data?.choices[0]?.message.content).toBe('hi');
  });

  it('images.generate and embeddings.create POST their OpenAI-format bodies', async () => {
    server.handle((req, res) =>
      req.url === '/v1/images/generations'
        ? json(res, 200, { created: 1, data: [{ url: 'https://cdn.example/i.png' }] })
        : json(res, 200, { object: 'list', model: 'text-embedding-3-small', data: [{ index: 0, embedding: [0.1, 0.2] }] }),
    );
    const image = await comet().images.generate({ model: 'dall-e-3', prompt: 'a banana', n: 1 });
    const emb = await comet().embeddings.create({ model: 'text-embedding-3-small', input: 'a banana' });
    expect(image.data?.data[0]?.url).toBe('https://cdn.example/i.png');
    expect(emb.data?.data[0]?.embedding).toEqual([0.1, 0.2]);
    expect(server.seen.map((s) => `${s.method} ${s.url} ${s.body}`)).toEqual([
      'POST /v1/images/generations {"model":"dall-e-3","prompt":"a banana","n":1}',
      'POST /v1/embeddings {"model":"text-embedding-3-small","input":"a banana"}',
    ]);
  });
});

describe('comet.midjourney', () => {
  it('imagine, then waitForTask polls GET /mj/task/{id}/fetch until SUCCESS', async () => {
    const states = ['NOT_START', 'SUBMITTED', 'IN_PROGRESS', 'SUCCESS'];
    let fetches = 0;
    let answered = 0;
    server.handle((req, res) => {
      if (req.url === '/mj/submit/imagine') return json(res, 200, { code: 1, description: 'Submit success', result: 'task-77' });
      if (req.url === '/mj/task/task-77/fetch') {
        if (++fetches === 3) return json(res, 502, { error: { message: 'bad gateway' } }); // a GET: retried
        const status = states[Math.min(answered++, states.length - 1)];
        return json(res, 200, {
          id: 'task-77',
          status,
          progress: status === 'SUCCESS' ? '100%' : '0%',
          ...(status === 'SUCCESS' ? { imageUrl: 'https://cdn.example/mj.png' } : {}),
        });
      }
      return json(res, 404, {});
    });
    const mj = comet().midjourney;
    const submitted = await mj.imagine({ prompt: 'a banana, watercolor', botType: 'MID_JOURNEY' });
    expect(submitted.data).toEqual({ code: 1, description: 'Submit success', result: 'task-77' });
    const seen: string[] = [];
    const task = await mj.waitForTask(submitted.data?.result ?? '', { pollInterval: 5, onTaskUpdate: (t) => seen.push(t.status) });
    expect(task.status).toBe('SUCCESS');
    expect(task.imageUrl).toBe('https://cdn.example/mj.png');
    expect(seen).toEqual(['NOT_START', 'SUBMITTED', 'IN_PROGRESS', 'SUCCESS']);
    expect(server.seen.map((s) => `${s.method} ${s.url}`)).toEqual(['POST /mj/submit/imagine', ...Array<string>(5).fill('GET /mj/task/task-77/fetch')]);
    expect(JSON.parse(server.seen[0]?.body ?? '')).toEqual({ prompt: 'a banana, watercolor', botType: 'MID_JOURNEY' });
    expect(server.seen.every((s) => s.headers.authorization === 'Bearer comet-test-key')).toBe(true);
  });

  it('a FAILURE ends the wait too, and comes back with its reason', async () => {
    server.handle((_req, res) => json(res, 200, { id: 't', status: 'FAILURE', failReason: 'banned prompt' }));
    const task = await comet().midjourney.waitForTask('t', { pollInterval: 1 });
    expect(task).toEqual({ id: 't', status: 'FAILURE', failReason: 'banned prompt' });
    expect(server.seen).toHaveLength(1);
  });

  it('an unknown task (404) rejects with a HubApiError; abort stops the wait', async () => {
    server.handle((_req, res) => json(res, 404, { error: { message: 'task not found' } }));
    const e = (await rejection(comet().midjourney.waitForTask('nope'))) as HubApiError;
    expect([e.provider, e.status]).toEqual(['comet', 404]);

    server.handle((_req, res) => json(res, 200, { id: 't', status: 'IN_PROGRESS', progress: '10%' }));
    const started = performance.now();
    const err = await rejection(comet().midjourney.waitForTask('t', { signal: AbortSignal.timeout(100), pollInterval: 10_000 }));
    expect((err as Error).name).toBe('TimeoutError');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

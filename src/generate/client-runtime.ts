import type { CometFeatures } from './comet-shortcuts.js';
import { stringLiteral } from './ts-text.js';

/** Default base URLs (docs/provider-apis.md §1.1 and §2.1). */
export const FAL_BASE_URL = 'https://queue.fal.run';
export const COMET_BASE_URL = 'https://api.cometapi.com';

/** Defaults of the runtime, also named in client.d.ts's comments. */
export const RUNTIME_DEFAULTS = {
  retries: 3,
  baseDelay: 1000,
  maxDelay: 30_000,
  falPollInterval: 500,
  falMaxPollInterval: 5000,
  taskPollInterval: 2000,
  taskMaxPollInterval: 10_000,
} as const;

/**
 * `generated/client.js`: plain ES module, no build step for consumers. The
 * runtime is openapi-fetch plus a few thin helpers and holds no per-endpoint
 * data, so its size does not grow with the number of models: the typed map
 * lives only in client.d.ts.
 */
export function emitClientJs(header: string, features: CometFeatures): string {
  return (
    header +
    "import createClient from 'openapi-fetch';\n\n" +
    `export const FAL_BASE_URL = ${stringLiteral(FAL_BASE_URL)};\n` +
    `export const COMET_BASE_URL = ${stringLiteral(COMET_BASE_URL)};\n` +
    STATIC_RUNTIME.replace(/__([a-zA-Z]+)__/g, (_m, name: string) => {
      if (!(name in RUNTIME_DEFAULTS)) throw new Error(`client-runtime: unknown default __${name}__`);
      return String(RUNTIME_DEFAULTS[name as keyof typeof RUNTIME_DEFAULTS]);
    }) +
    emitCometClient(features)
  );
}

/*
 * The helpers every client.js carries. Written without template literals so
 * that this can be a String.raw block; `__name__` is replaced by RUNTIME_DEFAULTS.
 */
const STATIC_RUNTIME = String.raw`
// ---------------------------------------------------------------- errors

// A provider answered with an error status (or an error inside a stream).
export class HubApiError extends Error {
  constructor(init) {
    const { provider, response, body } = init;
    super(init.message ?? provider + ': ' + where(response) + 'answered ' + response.status + summary(body));
    this.name = 'HubApiError';
    this.provider = provider;
    this.status = response.status;
    this.body = body;
    this.response = response;
  }
}

function where(response) {
  try {
    return new URL(response.url).pathname + ' ';
  } catch {
    return '';
  }
}

function summary(body) {
  if (body === undefined || body === '') return '';
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return ': ' + (text.length > 300 ? text.slice(0, 300) + '...' : text);
}

// The data of an openapi-fetch (or FAL helper) result, or a HubApiError.
function unwrap(provider, result) {
  if (result.response.ok) return result.data;
  throw new HubApiError({ provider, response: result.response, body: result.error });
}

// ---------------------------------------------------------------- retries

const RETRY_STATUS = [429, 500, 502, 503, 504];
const IDEMPOTENT = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'];

// Which failed attempts are repeated:
// - GET, HEAD, PUT, DELETE (status, result, cancel, task fetch) are idempotent: repeated on
//   429, 500, 502, 503, 504 and network errors.
// - POST (FAL submit, Comet generations) only on 429: a rate-limited request was refused
//   before it was accepted, so nothing was queued or billed. After a 5xx or a dropped
//   connection the job may already be accepted, and sending it again could run it twice.
// - FAL's 504 with X-Fal-Request-Timeout-Type: user is the caller's own timeout: final.
// The wait is the server's Retry-After (seconds or an HTTP date) when it sends one; when that
// is longer than maxDelay the response is returned as it is. Otherwise exponential backoff
// with full jitter. An aborted signal stops the wait at once.
function retryingFetch(getFetch, options) {
  if (options === false) return (request) => getFetch()(request);
  const retries = options?.retries ?? __retries__;
  const base = options?.baseDelay ?? __baseDelay__;
  const max = options?.maxDelay ?? __maxDelay__;
  return async (request) => {
    const idempotent = IDEMPOTENT.includes(request.method);
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= retries;
      let response;
      try {
        response = await getFetch()(last ? request : request.clone());
      } catch (err) {
        if (last || !idempotent || request.signal.aborted) throw err;
        await sleep(backoff(attempt, base, max), request.signal);
        continue;
      }
      if (last || !RETRY_STATUS.includes(response.status)) return response;
      if (response.status !== 429 && !idempotent) return response;
      if (response.headers.get('x-fal-request-timeout-type') === 'user') return response;
      const wait = retryAfter(response.headers.get('retry-after')) ?? backoff(attempt, base, max);
      if (wait > max) return response;
      await response.body?.cancel();
      await sleep(wait, request.signal);
    }
  };
}

function backoff(attempt, base, max) {
  return Math.round(Math.random() * Math.min(max, base * 2 ** attempt));
}

function retryAfter(value) {
  if (value === null || value.trim() === '') return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.ceil(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

// Call step() until done(value); the waits start at pollInterval and grow x1.5 up to maxPollInterval.
async function poll(step, done, options, interval, maxInterval) {
  let wait = options.pollInterval ?? interval;
  const max = Math.max(wait, options.maxPollInterval ?? maxInterval);
  for (;;) {
    const value = await step();
    if (done(value)) return value;
    await sleep(wait, options.signal);
    wait = Math.min(wait * 1.5, max);
  }
}

// ---------------------------------------------------------------- clients

export function createHubClient(options) {
  const shared = { fetch: options.fetch, ...(options.retry === undefined ? {} : { retry: options.retry }) };
  return {
    comet: createCometClient({ ...shared, ...options.comet }),
    fal: createFalClient({ ...shared, ...options.fal }),
  };
}

function providerClient(options, baseUrl, authorization) {
  return createClient({
    baseUrl: options.baseUrl ?? baseUrl,
    headers: { Authorization: authorization, ...options.headers },
    fetch: retryingFetch(() => options.fetch ?? globalThis.fetch, options.retry),
  });
}

// ---------------------------------------------------------------- FAL

// Namespaces whose endpoint ids keep a third segment in queue URLs (as fal-js does).
const FAL_NAMESPACES = ['workflows', 'comfy'];

// Where status, result and cancel live. The URLs returned at submit are the reliable
// source (docs/provider-apis.md §1.5): constructing them from the endpoint id breaks for
// ids with a subpath. They are followed under the configured base URL, so the key only
// ever goes to that host. With a bare request id, the path follows FAL's docs and fal-js:
// the endpoint id without its subpath (fal-ai/flux/dev -> fal-ai/flux).
function queuePath(baseUrl, endpointId, request, urlKey, suffix) {
  if (typeof request === 'object' && request !== null) {
    const url = request[urlKey];
    if (typeof url === 'string' && url !== '') {
      const base = baseUrl.replace(/\/+$/, '');
      if (url.startsWith(base + '/')) return url.slice(base.length).split(/[?#]/)[0];
      return new URL(url, base).pathname;
    }
    request = request.request_id;
  }
  const parts = endpointId.split('/');
  const app = parts.slice(0, FAL_NAMESPACES.includes(parts[0]) ? 3 : 2).join('/');
  return '/' + app + '/requests/' + encodeURIComponent(String(request)) + suffix;
}

// openapi-fetch gives a non-2xx body as parsed JSON, or as text when it is not JSON.
// FAL errors are { detail } objects; anything else is wrapped the same way, so
// error is always an object and "if (error)" narrows.
async function settle(pending) {
  const { data, error, response } = await pending;
  if (response.ok) return { data, response };
  const body = error !== null && typeof error === 'object' && !Array.isArray(error) ? error : { detail: error || response.statusText };
  return { error: body, response };
}

export function createFalClient(options) {
  const client = providerClient(options, FAL_BASE_URL, 'Key ' + options.apiKey);
  const baseUrl = options.baseUrl ?? FAL_BASE_URL;
  const path = (endpointId, request, urlKey, suffix) => queuePath(baseUrl, endpointId, request, urlKey, suffix);
  const fal = {
    client,
    submit: (endpointId, input, init) => settle(client.POST('/' + endpointId, { ...init, body: input })),
    status: (endpointId, request, init) => {
      const { logs, ...rest } = init ?? {};
      const query = logs ? { logs: 1 } : undefined;
      return settle(client.GET(path(endpointId, request, 'status_url', '/status'), { ...rest, params: { query } }));
    },
    result: (endpointId, request, init) => settle(client.GET(path(endpointId, request, 'response_url', ''), init)),
    cancel: (endpointId, request, init) => settle(client.PUT(path(endpointId, request, 'cancel_url', '/cancel'), init)),
    // Submit, poll the status (following the submit's status_url) until COMPLETED, then fetch the
    // result (its response_url). Any error answer rejects with a HubApiError; an aborted signal
    // rejects with its reason (the queued request is left as it is: fal.cancel cancels it).
    subscribe: async (endpointId, input, options = {}) => {
      const { signal, onQueueUpdate, logs } = options;
      const queued = unwrap('fal', await fal.submit(endpointId, input, { signal }));
      let first = true;
      await poll(
        async () => {
          const state = first ? queued : unwrap('fal', await fal.status(endpointId, queued, { signal, logs }));
          first = false;
          onQueueUpdate?.(state);
          return state;
        },
        (state) => state.status === 'COMPLETED',
        options,
        __falPollInterval__,
        __falMaxPollInterval__,
      );
      return unwrap('fal', await fal.result(endpointId, queued, { signal }));
    },
  };
  return fal;
}

// ---------------------------------------------------------------- Comet

// Server-sent events (HTML Living Standard §9.2.6): "data:" lines joined by "\n", one event
// per blank line; comments and other fields are skipped. A last event without its blank
// line is still delivered.
async function* sseEvents(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let data = [];
  let done = false;
  try {
    while (!done) {
      const next = await reader.read();
      done = next.done;
      if (!done) buffer += next.value;
      else if (buffer !== '') buffer += '\n';
      for (let m = /\r\n?|\n/.exec(buffer); m !== null; m = /\r\n?|\n/.exec(buffer)) {
        if (m[0] === '\r' && m.index === buffer.length - 1 && !done) break;
        const line = buffer.slice(0, m.index);
        buffer = buffer.slice(m.index + m[0].length);
        if (line === '') {
          if (data.length > 0) yield data.join('\n');
          data = [];
        } else if (line.startsWith('data:')) {
          data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
        }
      }
    }
    if (data.length > 0) yield data.join('\n');
  } finally {
    if (!done) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

// A stream of JSON events, ending at the terminator (e.g. [DONE]). An event whose JSON has
// a top-level "error" object (how OpenAI-compatible servers fail mid-stream) throws.
// The request is sent when the iteration starts (send is a function), so a stream that is never
// read sends nothing and leaves no unhandled rejection.
async function* jsonEvents(provider, send, terminator) {
  const { data, error, response } = await send();
  if (!response.ok) throw new HubApiError({ provider, response, body: error });
  if (!data) return;
  for await (const text of sseEvents(data)) {
    if (text === terminator) return;
    let value;
    try {
      value = JSON.parse(text);
    } catch {
      throw new HubApiError({ provider, response, body: text, message: provider + ': a streamed event is not JSON' + summary(text) });
    }
    if (value !== null && typeof value === 'object' && value.error !== null && typeof value.error === 'object') {
      throw new HubApiError({ provider, response, body: value, message: provider + ': the stream reported an error' + summary(value) });
    }
    yield value;
  }
}
`;

/**
 * `createCometClient`: the openapi-fetch client plus the shortcuts the
 * document has (comet-shortcuts.ts decides which).
 */
function emitCometClient(features: CometFeatures): string {
  let out = '\nexport function createCometClient(options) {\n';
  out += "  const client = providerClient(options, COMET_BASE_URL, 'Bearer ' + options.apiKey);\n";
  const members = new Map<string, string[]>();
  const add = (group: string, line: string): void => void members.set(group, [...(members.get(group) ?? []), line]);
  for (const s of features.shortcuts) add(s.group, `${s.name}: (body, init) => client.${s.method.toUpperCase()}(${stringLiteral(s.path)}, { ...init, body }),`);
  const stream = features.chatStream;
  if (stream) {
    add(
      stream.group,
      `${stream.name}: (body, init) => jsonEvents('comet', () => client.${stream.method.toUpperCase()}(${stringLiteral(stream.path)}, ` +
        `{ ...init, body: { ...body, stream: true }, headers: { Accept: 'text/event-stream', ...init?.headers }, parseAs: 'stream' }), ${stringLiteral(stream.terminator)}),`,
    );
  }
  const task = features.midjourneyTask;
  if (task) {
    out += `  const fetchTask = (id, init) => client.GET(${stringLiteral(task.path)}, { ...init, params: { path: { id } } });\n`;
    add(task.group, 'fetchTask,');
    add(
      task.group,
      'waitForTask: (id, options = {}) => poll(\n' +
        '        async () => {\n' +
        "          const state = unwrap('comet', await fetchTask(id, { signal: options.signal }));\n" +
        '          options.onTaskUpdate?.(state);\n' +
        '          return state;\n' +
        '        },\n' +
        `        (state) => ${task.terminal.map((s) => `state.status === ${stringLiteral(s)}`).join(' || ')},\n` +
        '        options,\n' +
        `        ${RUNTIME_DEFAULTS.taskPollInterval},\n` +
        `        ${RUNTIME_DEFAULTS.taskMaxPollInterval},\n` +
        '      ),',
    );
  }
  if (members.size === 0) return out + '  return client;\n}\n';
  out += '  return Object.assign(client, {\n';
  for (const [group, lines] of members) {
    out += `    ${group}: {\n`;
    for (const line of lines) out += `      ${line}\n`;
    out += '    },\n';
  }
  return out + '  });\n}\n';
}

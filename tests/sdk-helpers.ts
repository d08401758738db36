import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseText } from '../src/core/parse.js';
import { generate } from '../src/generate/index.js';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { fixturePath, linkOpenapiFetch, makeTempProject, removeTempProjects } from './generate-helpers.js';

/** The generated client's module; its types are the golden declarations of the fixture. */
export type ClientModule = typeof import('./consumer/generated/client.js');

/**
 * Generate the client from the fixture into a temp project and import it, as
 * an application would import `bananastudio-api-hub/client`.
 */
export async function loadGeneratedClient(): Promise<ClientModule> {
  const dir = await makeTempProject(false);
  await linkOpenapiFetch(dir);
  const parsed = parseText(await readFile(fixturePath, 'utf8'), 'unified.yaml');
  if (!parsed.ok) throw new Error(parsed.problem.message);
  const result = await generate(parsed.value.data, { source: 'specs/openapi.yaml' });
  await mkdir(join(dir, 'generated'));
  for (const f of result.files) {
    await mkdir(dirname(join(dir, 'generated', f.path)), { recursive: true });
    await writeFile(join(dir, 'generated', f.path), f.contents);
  }
  return (await import(pathToFileURL(join(dir, 'generated', 'client.js')).href)) as ClientModule;
}

export interface Seen {
  method: string;
  /** Path and query, as the server received them. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** ms since the server started. */
  at: number;
}

export type Handler = (req: Seen, res: ServerResponse, raw: IncomingMessage) => void | Promise<void>;

export interface TestServer {
  baseUrl: string;
  seen: Seen[];
  /** Replace the handler (between tests). */
  handle(handler: Handler): void;
  /** Requests whose connection closed before the response ended. */
  closedEarly: number;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 with a replaceable handler that records every request. */
export async function startServer(handler: Handler = (_req, res) => json(res, 404, { detail: 'no handler' })): Promise<TestServer> {
  const started = performance.now();
  let current = handler;
  const state: TestServer = {
    baseUrl: '',
    seen: [],
    handle: (h) => {
      current = h;
    },
    closedEarly: 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const seen: Seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: performance.now() - started,
      };
      state.seen.push(seen);
      res.on('close', () => {
        if (!res.writableFinished) state.closedEarly++;
      });
      Promise.resolve(current(seen, res, req)).catch((err: unknown) => {
        if (!res.headersSent) json(res, 500, { detail: String(err) });
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The rejection of a promise (fails when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the promise to reject');
}

/**
 * A test file's generated client and local server: loaded and started before its tests (handed to
 * `use`), the server's log cleared before each test, both closed and removed after.
 */
export function useClientAndServer(use: (client: ClientModule, server: TestServer) => void): void {
  let server: TestServer | undefined;
  beforeAll(async () => {
    const client = await loadGeneratedClient();
    server = await startServer();
    use(client, server);
  });
  afterAll(async () => {
    await server?.close();
    await removeTempProjects();
  });
  beforeEach(() => {
    if (server) server.seen.length = 0;
  });
}

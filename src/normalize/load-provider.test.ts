import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProvider } from './load-provider.js';
import { HubError } from '../core/errors.js';
import { resolvePointer } from '../core/pointer.js';

const FILES: Record<string, string> = {
  '/api/openapi.yaml':
    "openapi: 3.0.3\ninfo: { title: Remote, version: '1' }\nservers: [{ url: 'https://remote.example.com' }]\npaths:\n  /things: { get: { operationId: listThings, responses: { '200': { $ref: 'common/responses.yaml#/ok' } } } }\n",
  '/api/common/responses.yaml': "ok: { description: ok, content: { application/json: { schema: { $ref: '../models/thing.yaml' } } } }\n",
  '/api/models/thing.yaml': 'type: object\nproperties: { id: { type: integer }, note: { type: string, nullable: true } }\n',
  '/api/local-ref.yaml': "openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths:\n  /a: { get: { responses: { '200': { $ref: 'file:///etc/passwd' } } } }\n",
  '/api/swagger.json': JSON.stringify({
    swagger: '2.0',
    info: { title: 'S', version: '1' },
    host: 'api.example.com',
    paths: { '/s': { get: { responses: { 200: { description: 'ok' } } } } },
  }),
};

let server: Server;
let base = '';
let root = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/slow.yaml') return void setTimeout(() => res.end('openapi: 3.1.0'), 2_000);
    const body = FILES[req.url ?? ''];
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/yaml' }).end(body ?? 'not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  root = await mkdtemp(join(tmpdir(), 'api-hub-provider-'));
});
afterAll(async () => {
  server.close();
  await rm(root, { recursive: true, force: true });
});

describe('loadProvider', () => {
  it('fetches a multi-file description by URL, following its relative refs on the same origin', async () => {
    const { source, findings } = await loadProvider(root, { name: 'remote', source: `${base}/api/openapi.yaml` }, {});
    expect(source).toMatchObject({ provider: 'remote', sourceId: 'remote', file: `${base}/api/openapi.yaml` });
    expect(resolvePointer(source.doc, '/paths/~1things/get/responses/200/$ref')).toBe('#/components/responses/ok');
    expect(resolvePointer(source.doc, '/components/schemas/thing/properties/note/nullable')).toBe(true);
    expect(findings.map((f) => f.ruleId)).toEqual(['bundle']);
    expect(findings[0]!.message).toContain('bundled 3 files');
  });

  it('converts a Swagger 2.0 document (by URL) to OpenAPI 3', async () => {
    const { source, findings } = await loadProvider(root, { name: 's', source: `${base}/api/swagger.json` }, {});
    expect(source.doc.openapi).toBe('3.0.0');
    expect(source.doc.servers).toEqual([{ url: 'http://api.example.com' }]);
    expect(findings.map((f) => f.ruleId)).toEqual(['upgrade-from-2.0', 'upgrade-from-2.0']);
  });

  it('gives up after the configured timeout, and on HTTP errors, with exit 2', async () => {
    await expect(loadProvider(root, { name: 'slow', source: `${base}/slow.yaml` }, { fetchTimeoutMs: 200 })).rejects.toThrow(/no answer from .* within 200 ms/);
    await expect(loadProvider(root, { name: 'gone', source: `${base}/nope.yaml` }, {})).rejects.toThrow(HubError);
  });

  it('does not let a remote document read local files', async () => {
    const { findings } = await loadProvider(root, { name: 'sneaky', source: `${base}/api/local-ref.yaml` }, {});
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'bundle-unresolved-ref', severity: 'error' })]);
  });

  it('reads a path relative to the project and refuses a document that is not OpenAPI', async () => {
    await mkdir(join(root, 'specs'), { recursive: true });
    await writeFile(join(root, 'specs', 'x.yaml'), 'asyncapi: 2.6.0\n');
    await expect(loadProvider(root, { name: 'x', source: 'specs/x.yaml' }, {})).rejects.toThrow(/not an OpenAPI 2.0, 3.0, 3.1 or 3.2 document/);
    await expect(loadProvider(root, { name: 'y', source: 'specs/missing.yaml' }, {})).rejects.toThrow(/cannot read specs\/missing.yaml/);
  });

  it('imports a selection of a document for another provider, with its overlays applied in the document\u2019s own names', async () => {
    await mkdir(join(root, 'specs', 'up'), { recursive: true });
    await writeFile(
      join(root, 'specs', 'up', 'openapi.yaml'),
      "openapi: 3.1.0\ninfo: { title: Up, version: '1' }\nservers: [{ url: 'https://up.example.com/v1' }]\npaths:\n  /chat: { post: { operationId: chat, responses: { '200': { content: { application/json: { schema: { $ref: '#/components/schemas/Chat' } } } } } } }\n  /files: { get: { operationId: files, responses: { '200': { content: { application/json: { schema: { $ref: '#/components/schemas/Files' } } } } } } }\ncomponents:\n  schemas:\n    Chat: { type: object, properties: { model: { anyOf: [{ type: string }, { enum: [a, b] }] } } }\n    Files: { type: array }\n",
    );
    await writeFile(
      join(root, 'specs', 'up', 'overlay.yaml'),
      "overlay: 1.0.0\ninfo: { title: o, version: '1' }\nactions:\n  - target: $.components.schemas.Chat.properties.model.anyOf\n    remove: true\n  - target: $.paths['/chat'].post\n    update: { operationId: hubChat }\n  - target: $.paths['/files']\n    update: { x-never: true }\n",
    );
    const { source, findings } = await loadProvider(
      root,
      { name: 'up', provider: 'hub', source: 'specs/up/openapi.yaml', paths: ['POST /chat', 'GET /gone'], overlays: ['specs/up/overlay.yaml'] },
      {},
    );
    expect(source).toMatchObject({ provider: 'hub', sourceId: 'up', file: 'specs/up/openapi.yaml' });
    expect(Object.keys(source.doc.paths as object)).toEqual(['/chat']);
    expect(resolvePointer(source.doc, '/paths/~1chat/post/operationId')).toBe('hubChat');
    expect(resolvePointer(source.doc, '/components/schemas/Chat/properties/model')).toEqual({});
    expect(resolvePointer(source.doc, '/components/schemas/Files')).toBeUndefined();
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['provider-paths', 'info'],
      ['provider-paths-missing', 'warn'],
      ['overlay-action', 'info'],
      ['overlay-action', 'info'],
      ['overlay-no-match', 'warn'],
    ]);
    expect(findings[0]!.message).toBe('paths: kept 1 operation(s), left out 1, 1 component(s) only those reach');
    expect(findings[1]!.message).toContain('GET /gone is not in the document');
    expect(findings[4]).toMatchObject({ file: 'specs/up/overlay.yaml', pointer: '/actions/2/target', provider: 'hub', sourceId: 'up' });
  });

  it('refuses an invalid provider overlay with its file, exit 2', async () => {
    await writeFile(join(root, 'specs', 'up', 'bad-overlay.yaml'), "overlay: 2.0.0\ninfo: { title: o, version: '1' }\nactions: []\n");
    await expect(loadProvider(root, { name: 'up', source: 'specs/up/openapi.yaml', overlays: ['specs/up/bad-overlay.yaml'] }, {})).rejects.toThrow(
      /problem\(s\) in the overlays of provider up/,
    );
  });
});

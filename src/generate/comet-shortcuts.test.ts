import { describe, expect, it } from 'vitest';
import { cometFeatures } from './comet-shortcuts.js';
import { collectOperations } from './operations.js';

const source = { provider: 'comet', file: 'specs/providers/comet/openapi.yaml', sha256: 'x' };
const json = (schema: unknown) => ({ 'application/json': { schema } });

/** A document with chat completions whose 200 answer has the given event-stream content. */
function chatDoc(eventStream: unknown, extraPaths: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/v1/chat/completions': {
        post: {
          'x-hub-source': source,
          requestBody: { content: json({ type: 'object' }) },
          responses: { '200': { $ref: '#/components/responses/Chat' } },
        },
      },
      ...extraPaths,
    },
    components: {
      responses: {
        Chat: { description: 'ok', content: { ...json({ type: 'object' }), ...(eventStream === undefined ? {} : { 'text/event-stream': eventStream }) } },
      },
      schemas: { Chunk: { type: 'object' }, Task: { type: 'object' } },
    },
  };
}

function features(doc: Record<string, unknown>) {
  return cometFeatures(doc, collectOperations(doc, 'spec.yaml'), 'spec.yaml');
}

const ssePointer = '/paths/~1v1~1chat~1completions/post/responses/200/content/text~1event-stream/schema/x-hub-sse-data-schema';

describe('cometFeatures', () => {
  it.each([
    [
      'a $ref to a component (through a $ref response)',
      { schema: { type: 'string', 'x-hub-sse-data-schema': { $ref: '#/components/schemas/Chunk' } } },
      { chunkSchema: 'Chunk', terminator: '[DONE]' },
    ],
    [
      'a custom terminator',
      { schema: { type: 'string', 'x-hub-sse-data-schema': { $ref: '#/components/schemas/Chunk' }, 'x-hub-sse-terminator': 'END' } },
      { chunkSchema: 'Chunk', terminator: 'END' },
    ],
  ])('chat.stream from %s', (_name, eventStream, want) => {
    const f = features(chatDoc(eventStream));
    expect(f.chatStream).toMatchObject({ group: 'chat', name: 'stream', path: '/v1/chat/completions', bodyType: 'CometChatCompletionsBody', ...want });
    expect(f.diagnostics).toEqual([]);
  });

  it('no event-stream answer: no chat.stream, and no warning', () => {
    const f = features(chatDoc(undefined));
    expect(f.shortcuts.map((s) => `${s.group}.${s.name}`)).toEqual(['chat.completions']);
    expect(f.chatStream).toBeUndefined();
    expect(f.diagnostics).toEqual([]);
  });

  it.each([
    ['without x-hub-sse-data-schema', { schema: { type: 'string' } }, 'has no `x-hub-sse-data-schema` $ref'],
    ['with an inline schema', { schema: { type: 'string', 'x-hub-sse-data-schema': { type: 'object' } } }, 'has no `x-hub-sse-data-schema` $ref'],
    [
      'with a $ref to a missing component',
      { schema: { 'x-hub-sse-data-schema': { $ref: '#/components/schemas/Nope' } } },
      'must be a $ref to an existing #/components/schemas entry, not "#/components/schemas/Nope"',
    ],
    [
      'with a $ref outside components.schemas',
      { schema: { 'x-hub-sse-data-schema': { $ref: '#/components/responses/Chat' } } },
      'must be a $ref to an existing #/components/schemas entry',
    ],
  ])('an event-stream answer %s leaves chat.stream out with a warning', (_name, eventStream, message) => {
    const f = features(chatDoc(eventStream));
    expect(f.chatStream).toBeUndefined();
    expect(f.diagnostics).toHaveLength(1);
    expect(f.diagnostics[0]).toMatchObject({ ruleId: 'generate-sse-schema', severity: 'warn', file: 'spec.yaml', pointer: ssePointer });
    expect(f.diagnostics[0]?.message).toContain(message);
  });

  it('Midjourney helpers need GET /mj/task/{id}/fetch with a JSON 200; shortcuts need a JSON or multipart body', () => {
    const task = { get: { 'x-hub-source': source, responses: { '200': { description: 'ok', content: json({ $ref: '#/components/schemas/Task' }) } } } };
    const imagine = { post: { 'x-hub-source': source, requestBody: { content: json({ type: 'object' }) }, responses: { '200': { description: 'ok' } } } };
    const action = { post: { 'x-hub-source': source, requestBody: { content: { 'multipart/form-data': { schema: { type: 'object' } } } }, responses: {} } };
    const f = features(chatDoc(undefined, { '/mj/task/{id}/fetch': task, '/mj/submit/imagine': imagine, '/mj/submit/action': action }));
    expect(f.shortcuts.map((s) => `${s.group}.${s.name}:${s.media}`)).toEqual([
      'chat.completions:application/json',
      'midjourney.imagine:application/json',
      'midjourney.action:multipart/form-data',
    ]);
    expect(f.midjourneyTask).toMatchObject({ group: 'midjourney', path: '/mj/task/{id}/fetch', terminal: ['SUCCESS', 'FAILURE'] });
    expect(f.midjourneyTask?.descriptor).toEqual({
      method: 'get',
      path: '/mj/task/{id}/fetch',
      parameters: { id: ['path', '/result'] },
      status: '/status',
      done: ['SUCCESS'],
      failed: ['FAILURE'],
    });

    const textOnly = { post: { 'x-hub-source': source, requestBody: { content: { 'text/plain': { schema: { type: 'string' } } } }, responses: {} } };
    expect(features(chatDoc(undefined, { '/mj/submit/action': textOnly })).shortcuts.map((s) => s.name)).toEqual(['completions']);

    const noJson = features(chatDoc(undefined, { '/mj/task/{id}/fetch': { get: { 'x-hub-source': source, responses: { '200': { description: 'ok' } } } } }));
    expect(noJson.midjourneyTask).toBeUndefined();
  });

  it('a FAL operation at a shortcut path is not a Comet shortcut', () => {
    const doc = chatDoc(undefined);
    const op = (doc.paths as Record<string, Record<string, Record<string, unknown>>>)['/v1/chat/completions']?.post;
    if (op) op['x-hub-source'] = { provider: 'fal', endpointId: 'v1/chat/completions', role: 'submit' };
    expect(features(doc).shortcuts).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { collectOperations } from './operations.js';

type Doc = Record<string, unknown>;
type Role = 'submit' | 'status' | 'result' | 'cancel';

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const src = (endpointId: string, role: Role) => ({ provider: 'fal', endpointId, role, file: 'x.json', sha256: '0' });

/** The four queue operations of one FAL model, as docs/architecture.md describes them. */
function falPaths(id: string): Record<string, Record<string, unknown>> {
  return {
    [`/${id}`]: {
      post: {
        requestBody: { required: true, ...json({ type: 'object' }) },
        responses: { 200: { description: 'ok', ...json({ type: 'object' }) } },
        'x-hub-source': src(id, 'submit'),
      },
    },
    [`/${id}/requests/{request_id}`]: { get: { responses: { 200: { description: 'ok', ...json({ type: 'object' }) } }, 'x-hub-source': src(id, 'result') } },
    [`/${id}/requests/{request_id}/cancel`]: { put: { responses: { 200: { description: 'ok' } }, 'x-hub-source': src(id, 'cancel') } },
    [`/${id}/requests/{request_id}/status`]: { get: { responses: { 200: { description: 'ok' } }, 'x-hub-source': src(id, 'status') } },
  };
}

const comet = {
  post: {
    requestBody: json({ type: 'object' }),
    responses: { 200: { description: 'ok' } },
    'x-hub-source': { provider: 'comet', file: 'c.yaml', sha256: '0' },
  },
};

const doc = (paths: Record<string, unknown>, components: Doc = {}): Doc => ({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths, components });

function without(paths: Record<string, Record<string, unknown>>, path: string): Record<string, Record<string, unknown>> {
  const copy = { ...paths };
  delete copy[path];
  return copy;
}

interface Want {
  fal: string[];
  falPaths?: number;
  cometPaths?: string[];
  rules?: string[];
}

const cases: Array<[string, { given: Doc; want: Want }]> = [
  [
    'two FAL models and a Comet path',
    {
      given: doc({ ...falPaths('fal-ai/flux/dev'), ...falPaths('fal-ai/minimax/video-01/image-to-video'), '/v1/chat/completions': comet }),
      want: { fal: ['fal-ai/flux/dev', 'fal-ai/minimax/video-01/image-to-video'], falPaths: 8, cometPaths: ['/v1/chat/completions'], rules: [] },
    },
  ],
  [
    'paths in any order give the same sorted inventory',
    {
      given: doc({ '/v1/chat/completions': comet, ...falPaths('z/model'), ...falPaths('a/model') }),
      want: { fal: ['a/model', 'z/model'], falPaths: 8, cometPaths: ['/v1/chat/completions'], rules: [] },
    },
  ],
  [
    'an operation without x-hub-source belongs to no client',
    {
      given: doc({ '/health': { get: { responses: { 200: { description: 'ok' } } } } }),
      want: { fal: [], falPaths: 0, cometPaths: [], rules: ['generate-missing-source'] },
    },
  ],
  [
    'a FAL model without a result operation is left out',
    {
      given: doc(without(falPaths('fal-ai/flux/dev'), '/fal-ai/flux/dev/requests/{request_id}')),
      want: { fal: [], falPaths: 3, rules: ['generate-fal-incomplete'] },
    },
  ],
  [
    'status and cancel are optional',
    {
      given: doc(
        without(without(falPaths('fal-ai/flux/dev'), '/fal-ai/flux/dev/requests/{request_id}/status'), '/fal-ai/flux/dev/requests/{request_id}/cancel'),
      ),
      want: { fal: ['fal-ai/flux/dev'], rules: [] },
    },
  ],
  [
    'a submit path that is not /<endpointId> is left out (the runtime submits there)',
    {
      given: doc({ ...without(falPaths('a/b'), '/a/b'), '/a/b/run': falPaths('a/b')['/a/b'] }),
      want: { fal: [], rules: ['generate-fal-path'] },
    },
  ],
  [
    'a submit without a JSON body is left out',
    {
      given: doc({ ...falPaths('a/b'), '/a/b': { post: { responses: { 200: { description: 'ok', ...json({}) } }, 'x-hub-source': src('a/b', 'submit') } } }),
      want: { fal: [], rules: ['generate-fal-no-json'] },
    },
  ],
  [
    'a request body and a response given by $ref are followed',
    {
      given: doc(
        {
          ...falPaths('a/b'),
          '/a/b': {
            post: {
              requestBody: { $ref: '#/components/requestBodies/In' },
              responses: { 200: { $ref: '#/components/responses/Queued' } },
              'x-hub-source': src('a/b', 'submit'),
            },
          },
        },
        { requestBodies: { In: json({ type: 'object' }) }, responses: { Queued: { description: 'ok', ...json({ type: 'object' }) } } },
      ),
      want: { fal: ['a/b'], rules: [] },
    },
  ],
  [
    'a second operation with the same role is ignored',
    {
      given: doc({ ...falPaths('a/b'), '/a/b/requests/{request_id}/status': { get: { responses: {}, 'x-hub-source': src('a/b', 'result') } } }),
      want: { fal: ['a/b'], rules: ['generate-fal-duplicate-role'] },
    },
  ],
  [
    'a FAL source without a valid role is reported',
    {
      given: doc({
        ...falPaths('a/b'),
        '/a/b/requests/{request_id}/status': { get: { responses: {}, 'x-hub-source': { provider: 'fal', endpointId: 'a/b', role: 'poll' } } },
      }),
      want: { fal: ['a/b'], rules: ['generate-bad-source'] },
    },
  ],
  [
    'an unknown provider is reported',
    {
      given: doc({ '/x': { get: { responses: {}, 'x-hub-source': { provider: 'replicate' } } } }),
      want: { fal: [], cometPaths: [], rules: ['generate-bad-source'] },
    },
  ],
  [
    'a path with both providers goes to neither',
    {
      given: doc({ ...falPaths('a/b'), '/a/b': { ...falPaths('a/b')['/a/b'], get: comet.post } }),
      want: { fal: [], cometPaths: [], rules: ['generate-fal-incomplete', 'generate-mixed-path'] },
    },
  ],
];

describe('collectOperations', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    const got = collectOperations(given, 'specs/openapi.yaml');
    expect(got.fal.map((e) => e.endpointId)).toEqual(want.fal);
    if (want.falPaths !== undefined) expect(got.falPaths).toHaveLength(want.falPaths);
    if (want.cometPaths !== undefined) expect(got.cometPaths).toEqual(want.cometPaths);
    if (want.rules !== undefined) expect(got.diagnostics.map((d) => d.ruleId).sort()).toEqual(want.rules);
    for (const d of got.diagnostics) {
      expect(d.severity).toBe('warn');
      expect(d.file).toBe('specs/openapi.yaml');
      expect(d.pointer).toMatch(/^\/paths\//);
    }
  });

  it('records each role of an endpoint with its path, method and pointer', () => {
    const got = collectOperations(doc(falPaths('fal-ai/flux/dev')));
    expect(got.fal[0]).toMatchObject({
      endpointId: 'fal-ai/flux/dev',
      submit: { path: '/fal-ai/flux/dev', method: 'post', pointer: '/paths/~1fal-ai~1flux~1dev/post' },
      result: { path: '/fal-ai/flux/dev/requests/{request_id}', method: 'get' },
      status: { path: '/fal-ai/flux/dev/requests/{request_id}/status', method: 'get' },
      cancel: { path: '/fal-ai/flux/dev/requests/{request_id}/cancel', method: 'put' },
    });
  });
});

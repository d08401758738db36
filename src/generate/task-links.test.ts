import { describe, expect, it } from 'vitest';
import { collectOperations } from './operations.js';
import { taskLinks } from './task-links.js';

const source = { provider: 'comet', file: 'specs/providers/comet/openapi.yaml' };
const ok = { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } };

function doc(poll: unknown, pollOp: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/v1/videos': { post: { operationId: 'create', 'x-hub-source': source, responses: ok, 'x-hub-poll': poll } },
      '/v1/videos/{video_id}': {
        get: {
          operationId: 'retrieve',
          'x-hub-source': source,
          parameters: [
            { name: 'video_id', in: 'path', required: true },
            { name: 'v', in: 'query' },
          ],
          responses: ok,
          ...pollOp,
        },
      },
    },
  };
}

function links(d: Record<string, unknown>) {
  return taskLinks(d, collectOperations(d).comet, 'specs/openapi.yaml');
}

describe('x-hub-poll', () => {
  it('reads the link: the poll operation, where each parameter goes, statuses, result and interval', () => {
    const r = links(
      doc({
        operationId: 'retrieve',
        parameters: { video_id: '$response.body#/id', v: '$response.body#/meta/v' },
        status: '/status',
        done: ['completed'],
        failed: ['failed'],
        result: '/video_url',
        interval: 15,
      }),
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.links).toEqual([
      {
        operationId: 'create',
        submit: expect.objectContaining({ path: '/v1/videos', method: 'post' }),
        poll: expect.objectContaining({ path: '/v1/videos/{video_id}', method: 'get' }),
        descriptor: {
          method: 'get',
          path: '/v1/videos/{video_id}',
          parameters: { v: ['query', '/meta/v'], video_id: ['path', '/id'] },
          status: '/status',
          done: ['completed'],
          failed: ['failed'],
          result: '/video_url',
          interval: 15,
        },
        form: false,
      },
    ]);
  });

  it("writes a constant for a path parameter into the path (a shared query route such as Kling's)", () => {
    const d = doc({ operationId: 'retrieve', parameters: { video_id: 'videos', v: '$response.body#/id' }, status: '/status', done: ['succeed'] });
    const r = links(d);
    expect(r.diagnostics).toEqual([]);
    expect(r.links[0]?.descriptor).toMatchObject({ path: '/v1/videos/videos', parameters: { v: ['query', '/id'] } });
    // A constant for a query parameter is not a link it can follow.
    expect(
      links(doc({ operationId: 'retrieve', parameters: { video_id: '$response.body#/id', v: 'x' }, status: '/status', done: ['ok'] })).diagnostics,
    ).toHaveLength(1);
  });

  it.each([
    ['not an object', 'x', 'x-hub-poll is not an object'],
    ['an unknown poll operation', { operationId: 'nope', status: '/s', done: ['d'] }, 'its poll operation nope is not a Comet operation'],
    ['no done statuses', { operationId: 'retrieve', parameters: { video_id: '$response.body#/id' }, status: '/s', done: [] }, '`done` must list'],
    [
      'a status that is not a pointer',
      { operationId: 'retrieve', parameters: { video_id: '$response.body#/id' }, status: 'status', done: ['d'] },
      '`status` must be a JSON pointer',
    ],
    [
      'a parameter that is not a runtime expression',
      { operationId: 'retrieve', parameters: { video_id: '/id' }, status: '/s', done: ['d'] },
      'is not a $response.body#/... expression',
    ],
    ['a path parameter left out', { operationId: 'retrieve', status: '/s', done: ['d'] }, 'needs video_id, which `parameters` does not give'],
    [
      'a parameter the poll does not have',
      { operationId: 'retrieve', parameters: { video_id: '$response.body#/id', other: '$response.body#/x' }, status: '/s', done: ['d'] },
      'parameter other is not a path, query or header parameter',
    ],
  ])('%s: a warning, and the operation is left out', (_name, poll, message) => {
    const r = links(doc(poll));
    expect(r.links).toEqual([]);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({
      ruleId: 'generate-poll-link',
      severity: 'warn',
      pointer: '/paths/~1v1~1videos/post/x-hub-poll',
      file: 'specs/openapi.yaml',
    });
    expect(r.diagnostics[0]?.message).toContain(message);
  });
});

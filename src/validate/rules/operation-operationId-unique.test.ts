import { describe, expect, it } from 'vitest';
import { operationOperationIdUnique as rule } from './operation-operationId-unique.js';
import { runRule } from './rule-test-helper.js';

describe(rule.id, () => {
  it('reports the second use of an operationId, at its operationId', async () => {
    expect(
      await runRule(
        rule,
        `openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /a:
    get: {operationId: list, responses: {'200': {description: ok}}}
    post: {operationId: create, responses: {'200': {description: ok}}}
  /b:
    get: {operationId: list, responses: {'200': {description: ok}}}
`,
      ),
    ).toEqual([
      {
        pointer: '/paths/~1b/get/operationId',
        severity: 'error',
        message: 'operationId `list` is already used by the operation at /paths/~1a/get; operationIds must be unique',
      },
    ]);
  });

  it('counts webhooks and callbacks too, and is silent when all differ', async () => {
    const hits = await runRule(
      rule,
      `openapi: 3.1.0
info: {title: t, version: '1'}
webhooks:
  w: {post: {operationId: x}}
paths:
  /a:
    get:
      operationId: y
      callbacks:
        cb: {'{$request.body#/u}': {post: {operationId: x}}}
`,
    );
    expect(hits.map((h) => h.pointer)).toEqual(['/paths/~1a/get/callbacks/cb/{$request.body#~1u}/post/operationId']);
    expect(await runRule(rule, `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {/a: {get: {operationId: a}, put: {operationId: b}}}\n`)).toEqual([]);
  });
});

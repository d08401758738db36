import { describe, expect, it } from 'vitest';
import { operationOperationIdUrlSafe as rule } from './operation-operationId-url-safe.js';
import { runRule } from './rule-test-helper.js';

describe(rule.id, () => {
  it('warns about spaces and braces', async () => {
    const hits = await runRule(
      rule,
      `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a: {get: {operationId: 'get business'}, put: {operationId: put_Business.v1}}\n`,
    );
    expect(hits.map((h) => [h.pointer, h.severity])).toEqual([['/paths/~1a/get/operationId', 'warn']]);
  });
});

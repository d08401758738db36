import { describe, expect, it } from 'vitest';
import { operationOperationId } from './operation-operationId.js';
import { runRule } from './rule-test-helper.js';

const rule = { ...operationOperationId, severity: 'warn' as const };

describe(rule.id, () => {
  it.each([
    [`{operationId: list, responses: {}}`, []],
    [`{responses: {}}`, ['/paths/~1a/get']],
    [`{operationId: '', responses: {}}`, ['/paths/~1a/get/operationId']],
  ])('%s', async (op, want) => {
    const hits = await runRule(rule, `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get: ${op}\n`);
    expect(hits.map((h) => h.pointer)).toEqual(want);
  });
});

import { describe, expect, it } from 'vitest';
import { operationSecurityDefined as rule } from './operation-security-defined.js';
import { runRule } from './rule-test-helper.js';

const on = { ...rule, severity: 'warn' as const };

describe(rule.id, () => {
  it('off by default; when on, operations with no security anywhere', async () => {
    expect(rule.severity).toBe('off');
    const hits = await runRule(on, `openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get: {security: []}\n    post: {}\n`);
    expect(hits.map((h) => h.pointer)).toEqual(['/paths/~1a/post']);
  });
  it('a top-level security covers every operation', async () => {
    expect(await runRule(on, `openapi: 3.1.0\ninfo: {title: t, version: '1'}\nsecurity: [{k: []}]\npaths:\n  /a: {get: {}}\n`)).toEqual([]);
  });
});

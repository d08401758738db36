import { describe, expect, it } from 'vitest';
import { operation4xxResponse } from './operation-4xx-response.js';
import { runRule } from './rule-test-helper.js';

const rule = { ...operation4xxResponse, severity: 'warn' as const };

describe(rule.id, () => {
  it("off by default (on in Redocly's recommended)", () => expect(operation4xxResponse.severity).toBe('off'));
  it.each([
    [`{'200': {description: ok}, '400': {description: no}}`, []],
    [`{'200': {description: ok}, '4XX': {description: no}}`, []],
    [`{'200': {description: ok}, default: {description: no}}`, ['/paths/~1a/get/responses']],
    [`{'200': {description: ok}}`, ['/paths/~1a/get/responses']],
  ])('%s', async (responses, want) => {
    const hits = await runRule(rule, `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get: {responses: ${responses}}\n`);
    expect(hits.map((h) => h.pointer)).toEqual(want);
  });
  it('skips webhooks', async () => {
    expect(await runRule(rule, `openapi: 3.1.0\ninfo: {title: t, version: '1'}\nwebhooks:\n  a:\n    post: {responses: {'200': {description: ok}}}\n`)).toEqual(
      [],
    );
  });
});

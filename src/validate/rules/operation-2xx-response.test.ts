import { describe, expect, it } from 'vitest';
import { operation2xxResponse as rule } from './operation-2xx-response.js';
import { runRule } from './rule-test-helper.js';

describe(rule.id, () => {
  it.each([
    [`{'200': {description: ok}}`, []],
    [`{'2XX': {description: ok}}`, []],
    [`{default: {description: ok}}`, []],
    [`{'404': {description: no}, '500': {description: no}}`, ['/paths/~1a/get/responses']],
  ])('%s', async (responses, want) => {
    const hits = await runRule(rule, `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get: {responses: ${responses}}\n`);
    expect(hits.map((h) => h.pointer)).toEqual(want);
    expect(hits.every((h) => h.severity === 'warn')).toBe(true);
  });
});

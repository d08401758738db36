import { describe, expect, it } from 'vitest';
import { operationSummary as rule } from './operation-summary.js';
import { runRule } from './rule-test-helper.js';

describe(rule.id, () => {
  it('is off by default, and reports the operation when on', async () => {
    expect(rule.severity).toBe('off');
    const hits = await runRule(
      { ...rule, severity: 'warn' },
      `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a: {get: {summary: List}, put: {}}\n`,
    );
    expect(hits.map((h) => h.pointer)).toEqual(['/paths/~1a/put']);
  });
});

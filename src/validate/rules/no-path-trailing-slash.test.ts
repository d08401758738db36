import { describe, expect, it } from 'vitest';
import { noPathTrailingSlash as rule } from './no-path-trailing-slash.js';
import { runRule } from './rule-test-helper.js';

describe(rule.id, () => {
  it('warns at the path key; `/` itself is fine', async () => {
    const hits = await runRule(rule, `swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /: {}\n  /api/contracts/: {}\n  /api/x: {}\n`);
    expect(hits.map((h) => [h.pointer, h.severity])).toEqual([['/paths/~1api~1contracts~1', 'warn']]);
  });
});

import { describe, expect, it } from 'vitest';
import { pathNotIncludeQuery as rule } from './path-not-include-query.js';
import { runRule } from './rule-test-helper.js';

describe(rule.id, () => {
  it('warns at the path key', async () => {
    const hits = await runRule(rule, `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /ips?networks=jdcloud: {}\n  /ips: {}\n`);
    expect(hits.map((h) => [h.pointer, h.severity])).toEqual([['/paths/~1ips?networks=jdcloud', 'warn']]);
  });
});

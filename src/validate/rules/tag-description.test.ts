import { describe, expect, it } from 'vitest';
import { tagDescription } from './tag-description.js';
import { runRule } from './rule-test-helper.js';

const rule = { ...tagDescription, severity: 'warn' as const };

describe(rule.id, () => {
  it('reports tags without a description', async () => {
    const hits = await runRule(
      rule,
      `openapi: 3.0.3\ninfo: {title: t, version: '1'}\ntags: [{name: a, description: A}, {name: b}, {name: c, description: ''}]\npaths: {}\n`,
    );
    expect(hits.map((h) => [h.pointer, h.message])).toEqual([
      ['/tags/1', 'tag `b` has no `description`'],
      ['/tags/2/description', 'the description of tag `c` is empty'],
    ]);
  });
});

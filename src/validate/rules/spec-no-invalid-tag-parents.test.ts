import { describe, expect, it } from 'vitest';
import { specNoInvalidTagParents as rule } from './spec-no-invalid-tag-parents.js';
import { runRule } from './rule-test-helper.js';

describe(rule.id, () => {
  it.each([
    [`[{name: a}, {name: b, parent: a}]`, []],
    [`[{name: a}, {name: b, parent: c}]`, [['/tags/1/parent', 'the parent tag `c` of tag `b` is not declared in `tags`']]],
    [
      `[{name: a, parent: b}, {name: b, parent: a}, {name: c, parent: a}]`,
      [
        ['/tags/0/parent', 'the tag parents form a cycle: `a` -> `b` -> `a`'],
        ['/tags/1/parent', 'the tag parents form a cycle: `b` -> `a` -> `b`'],
      ],
    ],
    [`[{name: a, parent: a}]`, [['/tags/0/parent', 'the tag parents form a cycle: `a` -> `a`']]],
  ])('%s', async (tags, want) => {
    const hits = await runRule(rule, `openapi: 3.2.0\ninfo: {title: t, version: '1'}\ntags: ${tags}\npaths: {}\n`);
    expect(hits.map((h) => [h.pointer, h.message])).toEqual(want);
  });
});

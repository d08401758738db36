import { describe, expect, it } from 'vitest';
import { noDuplicatedTagNames as rule } from './no-duplicated-tag-names.js';
import { runRule } from './rule-test-helper.js';

describe(rule.id, () => {
  it.each([
    ['openapi: 3.0.3', `[{name: a}, {name: b}]`, []],
    ['openapi: 3.0.3', `[{name: a}, {name: b}, {name: a}]`, ['/tags/2/name']],
    ["swagger: '2.0'", `[{name: a}, {name: a}]`, ['/tags/1/name']],
    ['openapi: 3.1.0', `[{name: a}, {name: A}]`, []],
  ])('%s %s', async (v, tags, want) => {
    const hits = await runRule(rule, `${v}\ninfo: {title: t, version: '1'}\ntags: ${tags}\npaths: {}\n`);
    expect(hits.map((h) => h.pointer)).toEqual(want);
    expect(hits.every((h) => h.severity === 'error')).toBe(true);
  });
});

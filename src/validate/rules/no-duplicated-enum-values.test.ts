import { describe, expect, it } from 'vitest';
import { noDuplicatedEnumValues as rule } from './no-duplicated-enum-values.js';
import { runRule } from './rule-test-helper.js';

describe(rule.id, () => {
  it.each([
    [`{type: string, enum: [a, b]}`, []],
    [`{type: string, enum: [a, b, a]}`, ['/components/schemas/A/enum/2']],
    [`{enum: [1, '1']}`, []],
    [`{enum: [{a: 1}, {a: 1}, [1], [1]]}`, ['/components/schemas/A/enum/1', '/components/schemas/A/enum/3']],
  ])('%s', async (schema, want) => {
    const hits = await runRule(rule, `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: ${schema}\n`);
    expect(hits.map((h) => h.pointer)).toEqual(want);
    expect(hits.every((h) => h.severity === 'warn')).toBe(true);
  });
  it('2.0 parameters', async () => {
    const hits = await runRule(
      rule,
      `swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      parameters: [{name: q, in: query, type: string, enum: [x, x]}]\n      responses: {'200': {description: ok}}\n`,
    );
    expect(hits.map((h) => h.pointer)).toEqual(['/paths/~1a/get/parameters/0/enum/1']);
  });
});

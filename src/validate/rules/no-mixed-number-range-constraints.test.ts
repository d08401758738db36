import { describe, expect, it } from 'vitest';
import { noMixedNumberRangeConstraints as rule } from './no-mixed-number-range-constraints.js';
import { runRule } from './rule-test-helper.js';

describe(rule.id, () => {
  it.each([
    [`{type: number, minimum: 0, exclusiveMinimum: 0}`, ['/components/schemas/A/exclusiveMinimum']],
    [`{type: number, maximum: 9, exclusiveMaximum: 10, minimum: 1}`, ['/components/schemas/A/exclusiveMaximum']],
    [`{type: number, exclusiveMinimum: 0}`, []],
  ])('%s', async (schema, want) => {
    const hits = await runRule(rule, `openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: ${schema}\n`);
    expect(hits.map((h) => h.pointer)).toEqual(want);
  });
});

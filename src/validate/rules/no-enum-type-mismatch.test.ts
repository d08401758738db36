import { describe, expect, it } from 'vitest';
import { noEnumTypeMismatch as rule } from './no-enum-type-mismatch.js';
import { runRule } from './rule-test-helper.js';

describe(rule.id, () => {
  it('each mismatching value, at the value', async () => {
    const hits = await runRule(
      rule,
      `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {type: string, enum: [a, true, 1]}\n    B: {type: number, enum: [1, 1.5]}\n    C: {type: string, nullable: true, enum: [a, null]}\n`,
    );
    expect(hits.map((h) => [h.pointer, h.message])).toEqual([
      ['/components/schemas/A/enum/1', 'enum value true is a boolean, not of type string: it can never be valid'],
      ['/components/schemas/A/enum/2', 'enum value 1 is an integer, not of type string: it can never be valid'],
    ]);
  });
});

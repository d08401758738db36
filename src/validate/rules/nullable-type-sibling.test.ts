import { describe, expect, it } from 'vitest';
import { nullableTypeSibling as rule } from './nullable-type-sibling.js';
import { runRule } from './rule-test-helper.js';

describe(rule.id, () => {
  it('3.0: nullable without type, at `nullable`', async () => {
    const hits = await runRule(
      rule,
      `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {type: string, nullable: true}\n    B: {nullable: true, allOf: [{$ref: '#/components/schemas/A'}]}\n`,
    );
    expect(hits.map((h) => [h.pointer, h.severity])).toEqual([['/components/schemas/B/nullable', 'warn']]);
  });
  it('does not run on 3.1 (see oas-version-keywords)', async () => {
    expect(await runRule(rule, `openapi: 3.1.0\ninfo: {title: t, version: '1'}\ncomponents:\n  schemas:\n    B: {nullable: true}\n`)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { noSchemaTypeMismatch as rule } from './no-schema-type-mismatch.js';
import { runRule } from './rule-test-helper.js';

describe(rule.id, () => {
  it('object keywords on arrays and array keywords on objects', async () => {
    const hits = await runRule(
      rule,
      `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {type: object, items: {type: string}}\n    B: {type: array, properties: {a: {type: string}}, items: {}}\n    C: {type: object, properties: {}}\n`,
    );
    expect(hits.map((h) => [h.pointer, h.severity])).toEqual([
      ['/components/schemas/A/items', 'warn'],
      ['/components/schemas/B/properties', 'warn'],
    ]);
  });
});

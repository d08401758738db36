import { describe, expect, it } from 'vitest';
import { noInvalidSchemaExamples as rule } from './no-invalid-schema-examples.js';
import { runRule } from './rule-test-helper.js';

describe(rule.id, () => {
  it('3.1: example and examples[] against the schema itself', async () => {
    const hits = await runRule(
      rule,
      `openapi: 3.1.0\ninfo: {title: t, version: '1'}\ncomponents:\n  schemas:\n    A: {type: string, enum: [a, b], example: c, examples: [a, d]}\n    B: {type: object, properties: {n: {type: integer, example: 1}}, example: {n: 1.5}}\n`,
    );
    expect(hits.map((h) => [h.pointer, h.message])).toEqual([
      ['/components/schemas/A/example', 'the schema `example` does not match its schema: the value must be one of "a", "b", not "c"'],
      ['/components/schemas/A/examples/1', 'schema `examples[1]` does not match its schema: the value must be one of "a", "b", not "d"'],
      ['/components/schemas/B/example/n', 'the schema `example` does not match its schema: `n` must be an integer, not a number (1.5)'],
    ]);
  });
});

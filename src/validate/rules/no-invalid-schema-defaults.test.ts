import { describe, expect, it } from 'vitest';
import { noInvalidSchemaDefaults as rule } from './no-invalid-schema-defaults.js';
import { runRule } from './rule-test-helper.js';

describe(rule.id, () => {
  it('schema defaults; 3.0 nullable allows a null default', async () => {
    const hits = await runRule(
      rule,
      `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {type: integer, minimum: 1, default: 0}\n    B: {type: string, nullable: true, default: null}\n    C: {type: array, items: {type: string}, default: []}\n`,
    );
    expect(hits.map((h) => [h.pointer, h.message])).toEqual([
      ['/components/schemas/A/default', 'the `default` does not match its schema: the value must be >= 1, not 0'],
    ]);
  });

  it('2.0: a query parameter default against the parameter', async () => {
    const hits = await runRule(
      rule,
      `swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      parameters: [{name: s, in: query, type: string, enum: [asc, desc], default: up}]\n      responses: {'200': {description: ok}}\n`,
    );
    expect(hits.map((h) => h.pointer)).toEqual(['/paths/~1a/get/parameters/0/default']);
  });
});

import { describe, expect, it } from 'vitest';
import { noNullableIn31 as rule } from './no-nullable-in-3.1.js';
import { runRule } from './rule-test-helper.js';

const doc = (v: string, schema: string): string => `openapi: ${v}\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: ${schema}\n`;

describe(rule.id, () => {
  it.each([
    [
      '3.1.0',
      `{type: string, nullable: true}`,
      [['/components/schemas/A/nullable', 'warn', '`nullable` is not a keyword in OpenAPI 3.1: it is ignored, so null is not allowed here']],
    ],
    [
      '3.2.0',
      `{type: string, nullable: false}`,
      [['/components/schemas/A/nullable', 'warn', '`nullable` is not a keyword in OpenAPI 3.2: it is ignored, so null is allowed here']],
    ],
    ['3.1.0', `{type: [string, 'null']}`, []],
    ['3.1.0', `{type: object, properties: {nullable: {type: boolean}}}`, []],
    ['3.0.3', `{type: string, nullable: true}`, []],
  ])('%s %s', async (v, schema, want) => {
    const hits = await runRule(rule, doc(v, schema));
    expect(hits.map((h) => [h.pointer, h.severity, h.message])).toEqual(want);
  });
});

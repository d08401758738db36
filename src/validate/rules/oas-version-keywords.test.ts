import { describe, expect, it } from 'vitest';
import { oasVersionKeywords as rule } from './oas-version-keywords.js';
import { runRule } from './rule-test-helper.js';

const doc = (v: string, schema: string): string => `openapi: ${v}\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: ${schema}\n`;

describe(rule.id, () => {
  it.each([
    ['3.0.3', `{const: 1}`, [['/components/schemas/A/const', 'error', '`const` is an OpenAPI 3.1 Schema keyword; OpenAPI 3.0 does not allow it']]],
    ['3.0.3', `{type: [string, 'null']}`, [['/components/schemas/A/type', 'error', '`type` as a list is OpenAPI 3.1; in 3.0 `type` is one type name']]],
    [
      '3.0.3',
      `{type: number, exclusiveMinimum: 0}`,
      [
        [
          '/components/schemas/A/exclusiveMinimum',
          'error',
          'a numeric `exclusiveMinimum` is OpenAPI 3.1; in 3.0 it is a boolean that makes `minimum` exclusive',
        ],
      ],
    ],
    ['3.0.3', `{type: object, properties: {examples: {type: string}}, nullable: true}`, []],
    ['3.1.0', `{type: string, nullable: true}`, []],
    [
      '3.1.0',
      `{type: number, minimum: 0, exclusiveMinimum: true}`,
      [['/components/schemas/A/exclusiveMinimum', 'error', 'a boolean `exclusiveMinimum` is OpenAPI 3.0; in 3.1 it is the exclusive bound itself (a number)']],
    ],
    ['3.1.0', `{const: 1, type: [string, 'null'], exclusiveMaximum: 3}`, []],
  ])('%s %s', async (v, schema, want) => {
    const hits = await runRule(rule, doc(v, schema));
    expect(hits.map((h) => [h.pointer, h.severity, h.message])).toEqual(want);
  });
});

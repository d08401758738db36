import { describe, expect, it } from 'vitest';
import { noUnknownSchemaKeywords as rule } from './no-unknown-schema-keywords.js';
import { runRule } from './rule-test-helper.js';

const doc = (v: string, schema: string): string => `openapi: ${v}\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: ${schema}\n`;

describe(rule.id, () => {
  it.each([
    ['3.1.0', `{type: array, min_items: 1}`, ['/components/schemas/A/min_items']],
    ['3.1.0', `{type: object, properties: {optional: {type: string, optional: true}}}`, ['/components/schemas/A/properties/optional/optional']],
    ['3.1.0', `{type: array, minItems: 1, x-a: 1, $comment: c, unevaluatedItems: false, discriminator: {propertyName: k}}`, []],
    ['3.2.0', `{type: string, constructor: 1}`, ['/components/schemas/A/constructor']],
    ['3.1.0', `{oneOf: [{$recursiveRef: '#'}]}`, ['/components/schemas/A/oneOf/0/$recursiveRef']],
    ['3.0.3', `{type: array, min_items: 1}`, []],
  ])('%s %s', async (v, schema, want) => {
    const hits = await runRule(rule, doc(v, schema));
    expect(hits.map((h) => h.pointer)).toEqual(want);
    expect(hits.every((h) => h.severity === 'warn')).toBe(true);
  });
});

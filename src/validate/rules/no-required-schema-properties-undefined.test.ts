import { describe, expect, it } from 'vitest';
import { noRequiredSchemaPropertiesUndefined as rule } from './no-required-schema-properties-undefined.js';
import { runRule } from './rule-test-helper.js';

const doc = (a: string, extra = ''): string =>
  `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Base: {type: object, properties: {id: {type: string}}}\n    A: ${a}\n${extra}`;

describe(rule.id, () => {
  it.each([
    [`{type: object, required: [a], properties: {a: {type: string}}}`, []],
    [`{type: object, required: [a, b], properties: {a: {type: string}}}`, ['/components/schemas/A/required/1']],
    [`{allOf: [{$ref: '#/components/schemas/Base'}], required: [id]}`, []],
    [`{allOf: [{$ref: '#/components/schemas/Base'}, {required: [id]}]}`, []],
    [`{oneOf: [{$ref: '#/components/schemas/Base'}, {properties: {x: {}}}], required: [id]}`, ['/components/schemas/A/required/0']],
    [`{type: object, required: [constructor], properties: {a: {}}}`, ['/components/schemas/A/required/0']],
    [`{type: object, required: [__proto__], properties: {__proto__: {}}}`, []],
  ])('%s', async (a, want) => {
    const hits = await runRule(rule, doc(a));
    expect(hits.map((h) => h.pointer)).toEqual(want);
  });
  it('follows a cycle without looping', async () => {
    const hits = await runRule(rule, doc(`{allOf: [{$ref: '#/components/schemas/A'}], required: [z]}`));
    expect(hits.map((h) => h.pointer)).toEqual(['/components/schemas/A/required/0']);
  });
});

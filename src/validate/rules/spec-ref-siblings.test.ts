import { describe, expect, it } from 'vitest';
import { specRefSiblings } from './spec-ref-siblings.js';
import { runRule } from './rule-test-helper.js';

const doc = (v: string, b: string): string =>
  `openapi: ${v}\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': ${b}\ncomponents:\n  responses:\n    R: {description: ok}\n  schemas:\n    S: {type: string}\n`;

const rule = { ...specRefSiblings, severity: 'warn' as const };

describe(rule.id, () => {
  it.each([
    ['3.0.3', `{$ref: '#/components/responses/R'}`, []],
    ['3.0.3', `{$ref: '#/components/responses/R', description: x}`, ['/paths/~1a/get/responses/200/description']],
    ['3.1.0', `{$ref: '#/components/responses/R', description: x}`, []],
    ['3.1.0', `{$ref: '#/components/responses/R', x-a: 1}`, ['/paths/~1a/get/responses/200/x-a']],
    [
      '3.0.3',
      `{description: ok, content: {a/b: {schema: {$ref: '#/components/schemas/S', maxLength: 3}}}}`,
      ['/paths/~1a/get/responses/200/content/a~1b/schema/maxLength'],
    ],
    ['3.1.0', `{description: ok, content: {a/b: {schema: {$ref: '#/components/schemas/S', maxLength: 3}}}}`, []],
  ])('%s %s', async (v, b, want) => {
    const hits = await runRule(rule, doc(v, b));
    expect(hits.map((h) => h.pointer)).toEqual(want);
  });
});

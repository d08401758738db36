import { describe, expect, it } from 'vitest';
import { specExampleValues as rule } from './spec-example-values.js';
import { runRule } from './rule-test-helper.js';

const doc = (example: string, version = '3.2.0'): string =>
  `openapi: ${version}\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  examples:\n    E: ${example}\n`;

describe(rule.id, () => {
  it.each([
    ['{value: 1}', []],
    ['{dataValue: 1, serializedValue: "1"}', []],
    ['{dataValue: 1, externalValue: x.json}', []],
    ['{value: 1, externalValue: x.json}', ['`value` and `externalValue`']],
    ['{serializedValue: "1", externalValue: x.json}', ['`serializedValue` and `externalValue`']],
    ['{value: 1, dataValue: 1}', ['`value` and `dataValue`']],
    ['{value: 1, dataValue: 1, serializedValue: "1"}', ['`value` and `dataValue`', '`value` and `serializedValue`']],
  ])('%s', async (example, want) => {
    const hits = await runRule(rule, doc(example));
    expect(hits.map((h) => h.message)).toEqual(want.map((w) => `the example has both ${w}: they are mutually exclusive`));
    expect(hits.every((h) => h.pointer === '/components/examples/E' && h.severity === 'error')).toBe(true);
  });
  it('3.1 is not checked (no-example-value-and-externalValue is)', async () => {
    expect(await runRule(rule, doc('{value: 1, externalValue: x.json}', '3.1.0'))).toEqual([]);
  });
});

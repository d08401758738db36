import { describe, expect, it } from 'vitest';
import { noExampleValueAndExternalValue as rule } from './no-example-value-and-externalValue.js';
import { runRule } from './rule-test-helper.js';

describe(rule.id, () => {
  it.each([
    [`{value: 1}`, []],
    [`{externalValue: 'https://x.org/a.json'}`, []],
    [`{value: 1, externalValue: 'https://x.org/a.json'}`, ['/components/examples/E']],
  ])('%s', async (example, want) => {
    const hits = await runRule(rule, `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  examples:\n    E: ${example}\n`);
    expect(hits.map((h) => h.pointer)).toEqual(want);
  });
});

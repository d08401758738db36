import { describe, expect, it } from 'vitest';
import { specComponentsInvalidMapName as rule } from './spec-components-invalid-map-name.js';
import { runRule } from './rule-test-helper.js';

describe(rule.id, () => {
  it.each(['3.0.3', '3.1.0'])('%s: names with other characters', async (v) => {
    const hits = await runRule(
      rule,
      `openapi: ${v}\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Good.Name_1-x: {}\n    'Bad Name': {}\n  x-ext: {'any thing': 1}\n`,
    );
    expect(hits.map((h) => [h.pointer, h.message])).toEqual([
      ['/components/schemas/Bad Name', 'the component name `Bad Name` in `schemas` may only use letters, digits, `.`, `-` and `_`'],
    ]);
  });
});

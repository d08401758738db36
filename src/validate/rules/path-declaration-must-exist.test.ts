import { describe, expect, it } from 'vitest';
import { pathDeclarationMustExist as rule } from './path-declaration-must-exist.js';
import { runRule } from './rule-test-helper.js';

describe(rule.id, () => {
  it.each([
    ['/a/{id}', []],
    ['/a/{}', ['/paths/~1a~1{}']],
  ])('%s', async (path, want) => {
    const hits = await runRule(rule, `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  '${path}': {}\n`);
    expect(hits.map((h) => h.pointer)).toEqual(want);
  });
});

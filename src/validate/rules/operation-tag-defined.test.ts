import { describe, expect, it } from 'vitest';
import { operationTagDefined as rule } from './operation-tag-defined.js';
import { runRule } from './rule-test-helper.js';

describe(rule.id, () => {
  it('off by default (like Redocly); when on, warns about undeclared tags, at the tag', async () => {
    expect(rule.severity).toBe('off');
    const hits = await runRule(
      { ...rule, severity: 'warn' },
      `openapi: 3.1.0\ninfo: {title: t, version: '1'}\ntags: [{name: pets}]\npaths:\n  /a:\n    get: {tags: [pets, toys]}\n`,
    );
    expect(hits).toEqual([{ pointer: '/paths/~1a/get/tags/1', severity: 'warn', message: 'tag `toys` is not declared in the top-level `tags`' }]);
  });
});

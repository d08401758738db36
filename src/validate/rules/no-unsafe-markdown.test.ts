import { describe, expect, it } from 'vitest';
import { noUnsafeMarkdown as rule } from './no-unsafe-markdown.js';
import { runRule } from './rule-test-helper.js';

describe(rule.id, () => {
  it.each([
    ['plain <b>bold</b> text', []],
    ['run <script>alert(1)</script>', ['/info/description']],
    ['<img src=x onerror="alert(1)">', ['/info/description']],
    ['a < b and c > d, onload=1', []],
  ])('%s', async (d, want) => {
    const hits = await runRule(rule, `openapi: 3.1.0\ninfo: {title: t, version: '1', description: '${d}'}\npaths: {}\n`);
    expect(hits.map((h) => h.pointer)).toEqual(want);
  });
  it('in schemas and operations too', async () => {
    const hits = await runRule(
      rule,
      `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      description: '<script>x</script>'\n      responses: {'200': {description: ok, content: {a/b: {schema: {description: '<SCRIPT src=x>'}}}}}\n`,
    );
    expect(hits.map((h) => h.pointer)).toEqual(['/paths/~1a/get/description', '/paths/~1a/get/responses/200/content/a~1b/schema/description']);
  });
});

import { describe, expect, it } from 'vitest';
import { noInvalidResponseCodes as rule } from './no-invalid-response-codes.js';
import { runRule } from './rule-test-helper.js';

describe(rule.id, () => {
  it('2.0: three digits outside 100-599', async () => {
    const hits = await runRule(
      rule,
      `swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get: {responses: {'200': {description: ok}, '099': {description: e}, '600': {description: e}, default: {description: e}}}\n`,
    );
    expect(hits.map((h) => [h.pointer, h.message])).toEqual([
      ['/paths/~1a/get/responses/600', '`600` is not an HTTP status code (100 to 599)'],
      ['/paths/~1a/get/responses/099', '`099` is not an HTTP status code (100 to 599)'],
    ]);
  });

  it('does not run on 3.x (the official schema checks the codes)', async () => {
    expect(await runRule(rule, `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get: {responses: {'600': {description: e}}}\n`)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { noServerExampleCom } from './no-server-example.com.js';
import { runRule } from './rule-test-helper.js';

const rule = { ...noServerExampleCom, severity: 'warn' as const };

describe(rule.id, () => {
  it.each([
    ['https://example.com/v1', 1],
    ['http://localhost:8080', 1],
    ['https://api.example.com', 1],
    ['https://myexample.com', 0],
    ['https://api.acme.io', 0],
  ])('%s', async (url, n) => {
    expect(await runRule(rule, `openapi: 3.0.3\ninfo: {title: t, version: '1'}\nservers: [{url: '${url}'}]\npaths: {}\n`)).toHaveLength(n);
  });
});

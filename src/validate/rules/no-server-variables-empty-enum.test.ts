import { describe, expect, it } from 'vitest';
import { noServerVariablesEmptyEnum } from './no-server-variables-empty-enum.js';
import { runRule } from './rule-test-helper.js';

const doc = `openapi: 3.1.0
info: {title: t, version: '1'}
servers:
  - url: 'https://{region}.example.com/{base}/'
    variables:
      region: {default: eu, enum: [us, ap]}
      base: {default: v1, enum: []}
      unused: {default: x}
paths:
  /a:
    servers: [{url: 'https://{host}/'}]
`;

describe('no-server-variables-empty-enum', () => {
  it('no-server-variables-empty-enum: empty enum, default not in enum', async () => {
    expect((await runRule(noServerVariablesEmptyEnum, doc)).map((h) => [h.pointer, h.message])).toEqual([
      ['/servers/0/variables/region/default', 'the default "eu" of server variable `region` is not one of its `enum` values ("us", "ap")'],
      ['/servers/0/variables/base/enum', 'the `enum` of a server variable must not be empty'],
    ]);
  });
});

describe('no-server-variables-empty-enum in 3.0: SHOULD, so warnings', () => {
  it('an empty enum with a default (the OAI schema test suite passes it)', async () => {
    const hits = await runRule(
      noServerVariablesEmptyEnum,
      `openapi: 3.0.0\ninfo: {title: API, version: 1.0.0}\nservers:\n  - url: https://example.com/{var}\n    variables:\n      var: {enum: [], default: a}\npaths: {}\n`,
    );
    expect(hits.map((h) => [h.severity, h.message])).toEqual([['warn', 'the `enum` of a server variable should not be empty']]);
  });
});

import { describe, expect, it } from 'vitest';
import { noEmptyServers } from './no-empty-servers.js';
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

describe('no-empty-servers', () => {
  it('no-empty-servers', async () => {
    expect((await runRule(noEmptyServers, `openapi: 3.0.3\ninfo: {title: t, version: '1'}\nservers: []\npaths: {}\n`)).map((h) => h.pointer)).toEqual([
      '/servers',
    ]);
    expect(await runRule(noEmptyServers, doc)).toEqual([]);
  });
});

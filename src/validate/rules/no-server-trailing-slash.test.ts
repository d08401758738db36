import { describe, expect, it } from 'vitest';
import { noServerTrailingSlash } from './no-server-trailing-slash.js';
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

describe('no-server-trailing-slash', () => {
  it('no-server-trailing-slash', async () => {
    expect((await runRule(noServerTrailingSlash, doc)).map((h) => h.pointer)).toEqual(['/servers/0/url', '/paths/~1a/servers/0/url']);
  });
});

import { describe, expect, it } from 'vitest';
import { noUndefinedServerVariable } from './no-undefined-server-variable.js';
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

describe('no-undefined-server-variable', () => {
  it('no-undefined-server-variable: in the URL but not defined (error), defined but unused (warn)', async () => {
    expect((await runRule(noUndefinedServerVariable, doc)).map((h) => [h.pointer, h.severity])).toEqual([
      ['/servers/0/variables/unused', 'warn'],
      ['/paths/~1a/servers/0/url', 'error'],
    ]);
  });
});

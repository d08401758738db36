import { describe, expect, it } from 'vitest';
import { securityScopesDefined as rule } from './security-scopes-defined.js';
import { runRule } from './rule-test-helper.js';

describe(rule.id, () => {
  it('3.x: scopes of the flows', async () => {
    const hits = await runRule(
      rule,
      `openapi: 3.0.3\ninfo: {title: t, version: '1'}\nsecurity: [{o: [read, nope]}, {k: [anything]}]\npaths: {}\ncomponents:\n  securitySchemes:\n    o: {type: oauth2, flows: {implicit: {authorizationUrl: 'https://x.org', scopes: {read: r}}, clientCredentials: {tokenUrl: 'https://x.org', scopes: {write: w}}}}\n    k: {type: apiKey, in: header, name: K}\n`,
    );
    expect(hits.map((h) => h.pointer)).toEqual(['/security/0/o/1']);
  });
  it('2.0: scopes of the scheme', async () => {
    const hits = await runRule(
      rule,
      `swagger: '2.0'\ninfo: {title: t, version: '1'}\nsecurityDefinitions:\n  o: {type: oauth2, flow: implicit, authorizationUrl: 'https://x.org', scopes: {read: r}}\npaths:\n  /a:\n    get:\n      security: [{o: [read, write]}]\n      responses: {'200': {description: ok}}\n`,
    );
    expect(hits.map((h) => h.pointer)).toEqual(['/paths/~1a/get/security/0/o/1']);
  });
});

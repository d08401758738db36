import { describe, expect, it } from 'vitest';
import { securityDefined as rule } from './security-defined.js';
import { runRule } from './rule-test-helper.js';

describe(rule.id, () => {
  it('reports undefined scheme names at the name; operations without security are not its business', async () => {
    const hits = await runRule(
      rule,
      `openapi: 3.1.0
info: {title: t, version: '1'}
security: [{apiKey: []}, {basic: []}]
paths:
  /a:
    get: {security: [{apiKey: []}, {oauth: [read]}]}
    put: {security: []}
    post: {}
components:
  securitySchemes:
    apiKey: {type: apiKey, name: k, in: header}
`,
    );
    expect(hits.map((h) => [h.pointer, h.severity, h.message])).toEqual([
      ['/security/1/basic', 'error', 'there is no security scheme named `basic` in `components.securitySchemes`'],
      ['/paths/~1a/get/security/1/oauth', 'error', 'there is no security scheme named `oauth` in `components.securitySchemes`'],
    ]);
  });

  it('2.0: securityDefinitions', async () => {
    const hits = await runRule(
      rule,
      `swagger: '2.0'\ninfo: {title: t, version: '1'}\nsecurity: [{basic: []}, {key: []}]\npaths: {}\nsecurityDefinitions:\n  basic: {type: basic}\n`,
    );
    expect(hits.map((h) => h.pointer)).toEqual(['/security/1/key']);
  });
});

import { describe, expect, it } from 'vitest';
import { specUriFields as rule, uriProblem } from './spec-uri-fields.js';
import { runRule } from './rule-test-helper.js';

describe('uriProblem (RFC 3986 URI reference)', () => {
  it.each([
    ['https://example.com/a?b=c#d', undefined],
    ['../other.yaml#/components/schemas/A', undefined],
    ['#/components/schemas/A~1B', undefined],
    ['', undefined],
    ['mailto:a@b.c', undefined],
    ['urn:isbn:0451450523', undefined],
    ['http://[::1]:8080/x', undefined],
    ['https://example.com/a%20b', undefined],
    ['https://example.com/a b', 'contains a space (`%20` in a URI)'],
    ['https://example.com/{id}', 'contains `{`, which a URI must percent-encode'],
    ['https://example.com/a%2', 'has a `%` not followed by two hex digits'],
    ['https://example.com/ü', 'contains `ü`, which a URI must percent-encode (or use an IRI field)'],
    ['a#b#c', 'has more than one `#`'],
    ['1http://x', 'starts with `1http:`, which is not a scheme (a relative reference cannot have `:` in its first segment)'],
    ['https://example.com/[x]', 'has `[` or `]` outside an IP-literal host'],
    ['C:\\spec.yaml', 'contains `\\`, which a URI must percent-encode'],
  ])('%j', (s, want) => {
    expect(uriProblem(s)).toBe(want);
  });
  it('IRIs allow characters beyond ASCII; an absolute one needs a scheme', () => {
    expect(uriProblem('https://example.com/ü', true, true)).toBeUndefined();
    expect(uriProblem('example/ns', true, true)).toBe('is relative: it must be absolute (with a scheme)');
  });
});

describe(rule.id, () => {
  const doc = `openapi: 3.2.0
$self: 'https://example.com/api docs.yaml'
jsonSchemaDialect: https://spec.openapis.org/oas/3.2/dialect/2025-09-17
info:
  title: t
  version: '1'
  termsOfService: /terms
  contact: {url: 'https://example.com/"support"'}
  license: {name: MIT, url: https://opensource.org/licenses/MIT}
servers:
  - {url: 'https://{region}.example.com/v1'}
  - {url: 'https://example.com/v1?key=1'}
  - {url: '/relative'}
paths:
  /a:
    get:
      externalDocs: {url: 'https://example.com/docs#a#b'}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/A B'}
              examples:
                x: {externalValue: 'examples/x.json'}
          links:
            l: {operationRef: 'other.yaml#/paths/~1a/get'}
components:
  schemas:
    A B: {type: object, xml: {namespace: 'example/ns'}}
  securitySchemes:
    o:
      type: oauth2
      flows:
        clientCredentials: {tokenUrl: 'https://example.com/token|x', scopes: {}}
`;
  it('reports each field that is not a URI reference, where it is', async () => {
    const hits = await runRule(rule, doc);
    expect(hits.map((h) => `${h.pointer}: ${h.message}`)).toEqual([
      '/$self: `$self` must be a URI reference, but `https://example.com/api docs.yaml` contains a space (`%20` in a URI)',
      '/info/contact/url: `url` must be a URI reference, but `https://example.com/"support"` contains `"`, which a URI must percent-encode',
      '/servers/1/url: server `url` must be a URL (its variables filled in), but `https://example.com/v1?key=1` has a query, which OpenAPI 3.2 does not allow in a server URL',
      '/paths/~1a/get/externalDocs/url: `url` must be a URI reference, but `https://example.com/docs#a#b` has more than one `#`',
      '/paths/~1a/get/responses/200/content/application~1json/schema/$ref: `$ref` must be a URI reference, but `#/components/schemas/A B` contains a space (`%20` in a URI)',
      '/components/schemas/A B/xml/namespace: `namespace` must be an absolute IRI, but `example/ns` is relative: it must be absolute (with a scheme)',
      '/components/securitySchemes/o/flows/clientCredentials/tokenUrl: `tokenUrl` must be a URI reference, but `https://example.com/token|x` contains `|`, which a URI must percent-encode',
    ]);
    expect(hits.every((h) => h.severity === 'error')).toBe(true);
  });
  it('3.1 is not checked', async () => {
    expect(await runRule(rule, doc.replace('openapi: 3.2.0', 'openapi: 3.1.0'))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateDocument } from '../validate-document.js';

/** The `struct` errors of a document: [pointer, message]. */
async function struct(yaml: string, alsoRule?: string): Promise<Array<[string | undefined, string]>> {
  const problems = await validateDocument(parse(yaml));
  return problems.filter((p) => p.ruleId === 'struct' || p.ruleId === alsoRule).map((p) => [p.pointer, p.message]);
}

const HEAD = `openapi: 3.2.0
info: {title: t, version: '1'}
`;

describe('condensed structural errors (from the OAI schema suite)', () => {
  it('a name failing a map\'s propertyNames: one error, at the name, with the reason (not "`headers` {…} does not match")', async () => {
    expect(
      await struct(`${HEAD}paths:
  /foo:
    get:
      responses:
        default:
          headers:
            'Bad=Header': {schema: {}}
`),
    ).toEqual([
      [
        '/paths/~1foo/get/responses/default/headers/Bad=Header',
        "`Bad=Header` is not a valid name here: it is not an HTTP token (RFC 9110): only letters, digits and !#$%&'*+-.^_`|~ are allowed",
      ],
    ]);
  });

  it('a standard method under additionalOperations', async () => {
    expect(
      await struct(`${HEAD}paths:
  /a:
    additionalOperations:
      POST: {}
`),
    ).toEqual([
      [
        '/paths/~1a/additionalOperations/POST',
        "`POST` is not a valid name here: the methods of the Path Item Object's fixed fields (GET, PUT, POST, …, QUERY) are not additional operations",
      ],
    ]);
  });

  it('anyOf/oneOf branches that each require one field: one error naming them all', async () => {
    expect(await struct(HEAD)).toEqual([['', 'the OpenAPI Object must have at least one of `paths`, `components` or `webhooks`']]);
    expect(
      await struct(`${HEAD}components:
  parameters:
    P: {name: p, in: query}
  links:
    L: {}
`),
    ).toEqual([
      ['/components/parameters/P', 'a Parameter Object must have exactly one of `schema` or `content`'],
      ['/components/links/L', 'a Link Object must have exactly one of `operationRef` or `operationId`'],
    ]);
  });

  it('fields that exclude each other are named', async () => {
    expect(
      await struct(
        `openapi: 3.2.0
info:
  title: t
  version: '1'
  license: {name: MIT, identifier: MIT, url: 'https://x'}
components:
  examples:
    A: {value: 1, dataValue: 1}
    B: {serializedValue: a, externalValue: 'https://x'}
  links:
    L: {operationId: a, operationRef: '#/x'}
`,
        'spec-example-values',
      ),
    ).toEqual([
      // The Example Object's pairs: the rule spec-example-values replaces the struct error at the same place.
      ['/components/examples/A', 'the example has both `value` and `dataValue`: they are mutually exclusive'],
      ['/components/examples/B', 'the example has both `serializedValue` and `externalValue`: they are mutually exclusive'],
      ['/info/license', '`identifier` and `url` are mutually exclusive'],
      ['/components/links/L', '`operationRef` and `operationId` are mutually exclusive'],
    ]);
  });

  it('querystring parameters: two in a list, or one with query parameters', async () => {
    const qs = (name: string): string => `{name: ${name}, in: querystring, content: {application/json: {schema: {}}}}`;
    expect(
      await struct(`${HEAD}paths:
  /a:
    parameters: [${qs('a')}, ${qs('b')}]
    get:
      parameters: [${qs('c')}, {name: d, in: query, schema: {}}]
`),
    ).toEqual([
      ['/paths/~1a/parameters', '`parameters` may contain at most one `querystring` parameter'],
      ['/paths/~1a/get/parameters', 'a `querystring` parameter cannot be used together with `query` parameters'],
    ]);
  });

  it('an invalid field inside a failed if/then branch is not also "not allowed" itself', async () => {
    expect(
      await struct(`openapi: 3.1.0
info: {title: t, version: '1'}
components:
  securitySchemes:
    O: {type: oauth2, flows: {implicit: {authorizationUrl: 'https://x', scopes: {}}, bogus: {}}}
`),
    ).toEqual([['/components/securitySchemes/O/flows/bogus', 'property `bogus` is not allowed in an OAuth Flows Object']]);
  });

  it('a header parameter name that is not a token', async () => {
    expect(
      await struct(`${HEAD}components:
  parameters:
    H: {name: 'Bad[Header]', in: header, schema: {}}
`),
    ).toEqual([
      ['/components/parameters/H/name', '`name` "Bad[Header]" is not an HTTP token (RFC 9110): only letters, digits and !#$%&\'*+-.^_`|~ are allowed'],
    ]);
  });
});

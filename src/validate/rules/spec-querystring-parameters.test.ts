import { describe, expect, it } from 'vitest';
import { specQuerystringParameters as rule } from './spec-querystring-parameters.js';
import { runRule } from './rule-test-helper.js';

const doc = (paths: string): string => `openapi: 3.2.0
info: {title: t, version: '1'}
paths:
${paths}
components:
  parameters:
    Qs1: {name: qs1, in: querystring, content: {application/json: {schema: {}}}}
    Qs2: {name: qs2, in: querystring, content: {application/json: {schema: {}}}}
    Limit: {name: limit, in: query, schema: {}}
`;

describe(rule.id, () => {
  it('reports two querystring parameters behind $refs, and querystring with query across path item and operation', async () => {
    const hits = await runRule(
      rule,
      doc(`  /a:
    get:
      parameters:
        - $ref: '#/components/parameters/Qs1'
        - $ref: '#/components/parameters/Qs2'
  /b:
    parameters:
      - $ref: '#/components/parameters/Qs1'
    get:
      parameters:
        - {name: limit, in: query, schema: {}}
  /c:
    parameters:
      - $ref: '#/components/parameters/Limit'
      - $ref: '#/components/parameters/Qs2'`),
    );
    expect(hits.map((h) => [h.pointer, h.message])).toEqual([
      ['/paths/~1a/get/parameters/1', 'a second `querystring` parameter in the same operation (the first is `qs1`): OpenAPI 3.2 allows only one'],
      [
        '/paths/~1b/get/parameters/0',
        'a `query` parameter in the same operation as the `querystring` parameter `qs1`: OpenAPI 3.2 forbids `query` parameters alongside a `querystring` parameter',
      ],
      [
        '/paths/~1c/parameters/1',
        'a `querystring` parameter in the same path item as the `query` parameter `limit`: OpenAPI 3.2 forbids `query` parameters alongside a `querystring` parameter',
      ],
    ]);
  });

  it("leaves one inline list to the schema, and allows an operation to override its path item's querystring", async () => {
    const hits = await runRule(
      rule,
      doc(`  /inline:
    get:
      parameters:
        - {name: a, in: querystring, content: {application/json: {schema: {}}}}
        - {name: b, in: querystring, content: {application/json: {schema: {}}}}
  /override:
    parameters:
      - {name: qs1, in: querystring, content: {text/plain: {schema: {}}}}
    get:
      parameters:
        - $ref: '#/components/parameters/Qs1'
  /fine:
    parameters:
      - $ref: '#/components/parameters/Qs1'
    get:
      parameters:
        - {name: h, in: header, schema: {}}`),
    );
    expect(hits).toEqual([]);
  });

  it('applies to 3.2 only', () => {
    expect(rule.versions).toEqual(['3.2']);
  });
});

import { describe, expect, it } from 'vitest';
import { specRefTargetType as rule } from './spec-ref-target-type.js';
import { runRule } from './rule-test-helper.js';

describe(rule.id, () => {
  it('a Path Item $ref to a Schema (2.0)', async () => {
    const hits = await runRule(
      rule,
      `swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /products: {$ref: '#/definitions/products'}\ndefinitions:\n  products: {type: object}\n`,
    );
    expect(hits).toEqual([
      {
        pointer: '/paths/~1products/$ref',
        severity: 'error',
        message: 'this place holds a Path Item Object, but `$ref` points to `#/definitions/products`, which is a Schema Object',
      },
    ]);
  });

  it('3.x: parameters, responses, schemas, request bodies, headers pointing at the wrong components section', async () => {
    const hits = await runRule(
      rule,
      `openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /a:
    post:
      parameters:
        - {$ref: '#/components/parameters/P'}
        - {$ref: '#/components/schemas/S'}
      requestBody: {$ref: '#/components/requestBodies/B'}
      responses:
        '200': {$ref: '#/components/schemas/S'}
        '201':
          description: ok
          headers:
            X: {$ref: '#/components/parameters/P'}
          content:
            application/json:
              schema: {$ref: '#/components/responses/R'}
        '202': {$ref: '#/components/responses/R'}
components:
  parameters:
    P: {name: p, in: query, schema: {$ref: '#/components/schemas/S/properties/x'}}
  schemas:
    S: {type: object, properties: {x: {type: string}}}
  requestBodies:
    B: {content: {}}
  responses:
    R: {description: r}
`,
    );
    expect(hits.map((h) => `${h.pointer}: ${h.message}`)).toEqual([
      '/paths/~1a/post/parameters/1/$ref: this place holds a Parameter Object, but `$ref` points to `#/components/schemas/S`, which is a Schema Object',
      '/paths/~1a/post/responses/200/$ref: this place holds a Response Object, but `$ref` points to `#/components/schemas/S`, which is a Schema Object',
      '/paths/~1a/post/responses/201/headers/X/$ref: this place holds a Header Object, but `$ref` points to `#/components/parameters/P`, which is a Parameter Object',
      '/paths/~1a/post/responses/201/content/application~1json/schema/$ref: this place holds a Schema Object, but `$ref` points to `#/components/responses/R`, which is a Response Object',
    ]);
  });

  it('targets in untyped places and in other files are left to struct; unresolved refs to no-unresolved-refs', async () => {
    const hits = await runRule(
      rule,
      `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      parameters:\n        - {$ref: 'params.yaml#/P'}\n        - {$ref: '#/x-params/P'}\n        - {$ref: '#/components/parameters/Missing'}\n      responses: {'200': {description: ok}}\nx-params:\n  P: {name: p, in: query, schema: {type: string}}\n`,
      { 'params.yaml': 'P: {name: p, in: query, schema: {type: string}}\n' },
    );
    expect(hits).toEqual([]);
  });

  it('a target in another file that is an OpenAPI document is typed by its position there', async () => {
    const hits = await runRule(
      rule,
      `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      parameters: [{$ref: 'common.yaml#/components/schemas/S'}]\n      responses: {'200': {description: ok}}\n`,
      { 'common.yaml': `openapi: 3.0.3\ninfo: {title: c, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    S: {type: string}\n` },
    );
    expect(hits.map((h) => h.message)).toEqual([
      'this place holds a Parameter Object, but `$ref` points to `common.yaml#/components/schemas/S`, which is a Schema Object',
    ]);
  });
});

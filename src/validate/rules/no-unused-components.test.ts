import { describe, expect, it } from 'vitest';
import { noUnusedComponents as rule } from './no-unused-components.js';
import { runRule } from './rule-test-helper.js';

describe(rule.id, () => {
  it('warns about components nothing refers to (refs into a component, mappings and other files count)', async () => {
    const hits = await runRule(
      rule,
      `openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /a:
    get:
      responses:
        '200': {$ref: '#/components/responses/Ok'}
      parameters: [{$ref: './params.yaml#/Limit'}]
components:
  responses:
    Ok:
      description: ok
      content: {application/json: {schema: {$ref: '#/components/schemas/Pet/properties/id'}}}
    Unused: {description: no}
  schemas:
    Pet: {type: object, properties: {id: {type: string}}, discriminator: {propertyName: t, mapping: {c: Cat, d: '#/components/schemas/Dog'}}}
    Cat: {type: object}
    Dog: {type: object}
    Bird: {type: object}
    Limit: {type: integer}
  securitySchemes:
    key: {type: apiKey, name: k, in: header}
`,
      { 'params.yaml': `Limit: {name: limit, in: query, schema: {$ref: './openapi.yaml#/components/schemas/Limit'}}\n` },
    );
    expect(hits.map((h) => [h.pointer, h.message, h.severity])).toEqual([
      ['/components/responses/Unused', 'component `responses/Unused` is never used', 'warn'],
      ['/components/schemas/Bird', 'component `schemas/Bird` is never used', 'warn'],
    ]);
  });

  it('2.0: definitions, parameters, responses', async () => {
    const hits = await runRule(
      rule,
      `swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\ndefinitions: {A: {type: string}}\nparameters: {p: {name: p, in: query, type: string}}\n`,
    );
    expect(hits.map((h) => h.pointer)).toEqual(['/definitions/A', '/parameters/p']);
  });
});

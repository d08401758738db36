import { describe, it, expect } from 'vitest';
import { parse } from 'yaml';
import SwaggerParser from '@apidevtools/swagger-parser';
import { upgradeSwagger2 } from './upgrade-swagger2.js';
import { upgradeTo31 } from './passes/upgrade-to-31.js';
import { runPass } from './passes/test-helpers.js';
import { validateDocument } from '../validate/index.js';
import { resolvePointer } from '../core/pointer.js';

const SWAGGER = `
swagger: '2.0'
info: { title: Pets, version: '1.0' }
host: api.example.com
basePath: /v1
schemes: [https]
consumes: [application/json]
produces: [application/json]
securityDefinitions: { key: { type: apiKey, in: header, name: X-Key } }
security: [{ key: [] }]
paths:
  /pets:
    get:
      operationId: listPets
      parameters:
        - { name: limit, in: query, type: integer, required: false }
      responses:
        '200': { description: ok, schema: { type: array, items: { $ref: '#/definitions/Pet' } } }
    post:
      operationId: addPet
      parameters: [{ name: body, in: body, required: true, schema: { $ref: '#/definitions/Pet' } }]
      responses: { '201': { description: created } }
definitions:
  Pet:
    type: object
    required: [name]
    properties:
      name: { type: string, example: Rex }
      tag: { type: string, x-nullable: true }
`;

describe('Swagger 2.0 -> OpenAPI 3.1 (swagger2openapi, then upgrade-to-3.1)', () => {
  it('gives a valid 3.1 document with servers, request bodies, components and security', async () => {
    const { doc: v3, patches } = await upgradeSwagger2(parse(SWAGGER) as Record<string, unknown>);
    expect(v3.openapi).toBe('3.0.0');
    expect(patches).toBeGreaterThanOrEqual(0);
    const yaml = JSON.stringify(v3);
    const { doc } = runPass(upgradeTo31, yaml);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: 'https://api.example.com/v1' }]);
    expect(resolvePointer(doc, '/paths/~1pets/post/requestBody/content/application~1json/schema/$ref')).toBe('#/components/schemas/Pet');
    expect(resolvePointer(doc, '/paths/~1pets/get/parameters/0/schema')).toEqual({ type: 'integer' });
    expect(resolvePointer(doc, '/components/schemas/Pet/properties/name')).toEqual({ type: 'string', examples: ['Rex'] });
    expect(resolvePointer(doc, '/components/schemas/Pet/properties/tag/type')).toEqual(['string', 'null']);
    expect(resolvePointer(doc, '/components/securitySchemes/key')).toEqual({ type: 'apiKey', in: 'header', name: 'X-Key' });
    expect((await validateDocument(doc)).filter((d) => d.severity === 'error')).toEqual([]);
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });
});

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateDocument } from './validate-document.js';

const doc = (yaml: string): unknown => parse(yaml);

/** Where `no-unresolved-refs` reports in a YAML document. */
async function unresolvedRefs(yaml: string): Promise<Array<string | undefined>> {
  const problems = await validateDocument(doc(yaml), { file: 'api.yaml', root: '/project' });
  return problems.filter((p) => p.ruleId === 'no-unresolved-refs').map((p) => p.pointer);
}

describe('validateDocument (in memory)', () => {
  it('reports struct and ref problems with pointers', async () => {
    const problems = await validateDocument(
      doc(`
openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /a:
    get:
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Nope'}
    post:
      operationid: x
      responses: {'200': {description: OK}}
`),
      { file: 'api.yaml', root: '/project' },
    );
    expect(problems.filter((p) => p.severity === 'error').map((p) => [p.ruleId, p.pointer, p.message])).toEqual([
      [
        'no-unresolved-refs',
        '/paths/~1a/get/responses/200/content/application~1json/schema/$ref',
        '`$ref` "#/components/schemas/Nope" cannot be resolved: `/components/schemas/Nope` does not exist in api.yaml',
      ],
      ['struct', '/paths/~1a/post/operationid', 'property `operationid` is not allowed in an Operation Object'],
    ]);
    expect(problems.every((p) => p.file === 'api.yaml' && p.line === undefined)).toBe(true);
  });

  it.each([
    ['{"openapi": 3.1}', /unsupported `openapi` version 3.1 \(write it as a string/],
    ['{"swagger": "1.2"}', /unsupported `swagger` version "1.2"/],
    ['[1, 2]', /the document is an array/],
  ])('not an OpenAPI description: %s', async (json, message) => {
    const problems = await validateDocument(JSON.parse(json));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(message);
  });

  it('a self-referencing schema does not hang', async () => {
    const problems = await validateDocument(
      doc(`
openapi: 3.0.3
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    A: {$ref: '#/components/schemas/B'}
    B: {$ref: '#/components/schemas/A'}
    C: {type: object, properties: {c: {$ref: '#/components/schemas/C'}}}
`),
    );
    expect(problems.filter((p) => p.ruleId !== 'no-unused-components')).toEqual([]);
  });
  it('in an untyped place, an Example Object’s `value` is data, and an example named `value` is an Example Object', async () => {
    const pointers = await unresolvedRefs(`
openapi: 3.1.0
info: {title: t, version: '1'}
paths: {}
x-samples:
  examples:
    literal:
      value: {$ref: '#/this/is/only/data'}
    value:
      $ref: '#/components/examples/Missing'
`);
    expect(pointers).toEqual(['/x-samples/examples/value/$ref']);
  });
  it('in an untyped place, a name the author chose is a name: an example called `default`, a property called `examples`', async () => {
    const pointers = await unresolvedRefs(`
openapi: 3.1.0
info: {title: t, version: '1'}
paths: {}
x-samples:
  examples:
    default:
      $ref: '#/components/examples/MissingDefault'
    properties:
      value: {$ref: '#/this/is/only/data'}
  schema:
    properties:
      examples:
        type: object
        x-meta:
          value: {$ref: '#/components/schemas/MissingValue'}
`);
    expect(pointers).toEqual(['/x-samples/examples/default/$ref', '/x-samples/schema/properties/examples/x-meta/value/$ref']);
  });
});

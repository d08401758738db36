import { describe, expect, it } from 'vitest';
import { needsRedoclyPasses } from './schema-check.js';

const base = (extra: Record<string, unknown>): Record<string, unknown> => ({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, ...extra });
const schemas = (s: Record<string, unknown>) => ({ components: { schemas: s } });
const op = (operationId: string) => ({ post: { operationId, responses: { 200: { description: 'ok' } } } });

const cases: Array<[string, { given: Record<string, unknown>; want: string | undefined }]> = [
  ['no refs at all', { given: base({}), want: undefined }],
  [
    'local refs that resolve',
    { given: base(schemas({ A: { type: 'object', properties: { b: { $ref: '#/components/schemas/B' } } }, B: { type: 'string' } })), want: undefined },
  ],
  [
    'an escaped local ref',
    {
      given: base({
        paths: { '/a/b': { get: { responses: { 200: { $ref: '#/components/responses/R' } } } } },
        components: { responses: { R: { description: 'r', headers: { H: { $ref: '#/paths/~1a~1b/get/responses/200' } } } } },
      }),
      want: undefined,
    },
  ],
  [
    'a ref that does not resolve',
    {
      given: base(schemas({ A: { $ref: '#/components/schemas/Missing' } })),
      want: '$ref "#/components/schemas/Missing" at /components/schemas/A is not a local reference that resolves',
    },
  ],
  [
    'a ref to another file',
    { given: base(schemas({ A: { $ref: 'other.yaml#/A' } })), want: '$ref "other.yaml#/A" at /components/schemas/A is not a local reference that resolves' },
  ],
  [
    'a property named like a data keyword is still walked',
    {
      given: base(schemas({ A: { properties: { example: { $ref: '#/nope' } } } })),
      want: '$ref "#/nope" at /components/schemas/A/properties/example is not a local reference that resolves',
    },
  ],
  [
    'a $ref inside example data is data',
    { given: base(schemas({ A: { type: 'object', example: { $ref: '#/nope' }, default: { $ref: 'x' } } })), want: undefined },
  ],
  ['a $ref inside an extension is not followed', { given: base({ 'x-tool': { $ref: 'http://example.com/x' } }), want: undefined }],
  ['JSON Schema examples are data', { given: base(schemas({ A: { type: 'object', examples: [{ $ref: '#/nope' }] } })), want: undefined }],
  ['an Example value is data', { given: base({ components: { examples: { E: { value: { $ref: '#/nope' } } } } }), want: undefined }],
  [
    'a media type example that is a ref',
    {
      given: base({ components: { examples: { E: { $ref: '#/components/examples/Nope' } } } }),
      want: '$ref "#/components/examples/Nope" at /components/examples/E is not a local reference that resolves',
    },
  ],
  [
    'an Example read from a file (externalValue)',
    {
      given: base({
        paths: {
          '/a': { get: { responses: { 200: { description: 'ok', content: { 'application/json': { examples: { e: { externalValue: 'e.json' } } } } } } } },
        },
      }),
      want: 'externalValue at /paths/~1a/get/responses/200/content/application~1json/examples/e',
    },
  ],
  [
    'a discriminator mapping to components/schemas',
    {
      given: base(
        schemas({
          Pet: { oneOf: [{ $ref: '#/components/schemas/Cat' }], discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat' } } },
          Cat: { type: 'object' },
        }),
      ),
      want: undefined,
    },
  ],
  [
    'a discriminator mapping by bare name',
    {
      given: base(schemas({ Pet: { discriminator: { propertyName: 'kind', mapping: { cat: 'Cat' } } }, Cat: { type: 'object' } })),
      want: 'discriminator mapping "cat" at /components/schemas/Pet is not a #/components/schemas reference',
    },
  ],
  ['unique operationIds', { given: base({ paths: { '/a': op('a'), '/b': op('b') } }), want: undefined }],
  [
    'a duplicated operationId',
    { given: base({ paths: { '/a': op('same'), '/b': op('same') } }), want: 'operationId "same" at /paths/~1b/post is already used at /paths/~1a/post' },
  ],
];

describe('needsRedoclyPasses', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(needsRedoclyPasses(given)).toBe(want);
  });
});

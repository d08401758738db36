import { describe, expect, it } from 'vitest';
import { noIllogicalCompositionKeywords as rule } from './no-illogical-composition-keywords.js';
import { runRule } from './rule-test-helper.js';

const doc = (schemas: string, version = '3.1.0'): string =>
  `openapi: ${version}\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n${schemas}`;
const hits = async (schemas: string, version?: string): Promise<string[]> =>
  (await runRule(rule, doc(schemas, version))).map((h) => `${h.pointer}: ${h.message}`);

describe(rule.id, () => {
  it.each([
    [
      'allOf with one schema and nothing else',
      "    A: {allOf: [{$ref: '#/components/schemas/B'}]}\n    B: {type: object}\n",
      ['/components/schemas/A/allOf: `allOf` should have at least two schemas. Use the schema directly instead.'],
    ],
    ['allOf with one schema beside other keywords', "    A: {allOf: [{$ref: '#/components/schemas/B'}], description: d}\n    B: {type: object}\n", []],
    [
      'allOf with one schema that has a discriminator',
      "    A: {allOf: [{$ref: '#/components/schemas/B'}]}\n    B: {type: object, properties: {k: {type: string}}, discriminator: {propertyName: k}}\n",
      [],
    ],
    ['empty anyOf', '    A: {anyOf: []}\n', ['/components/schemas/A/anyOf: `anyOf` should have at least two schemas.']],
    [
      'an empty schema and a duplicate',
      '    A: {anyOf: [{type: string}, {}, {type: string}]}\n',
      [
        '/components/schemas/A/anyOf/1: Schema in `anyOf` is empty, so it matches any value.',
        '/components/schemas/A/anyOf/2: Schema in `anyOf` duplicates the schema at position 1.',
      ],
    ],
    [
      'an inline alternative under a discriminator',
      "    A: {oneOf: [{$ref: '#/components/schemas/B'}, {type: object, required: [k], properties: {k: {const: c}}}], discriminator: {propertyName: k}}\n    B: {type: object, required: [k], properties: {k: {const: b}}}\n",
      ['/components/schemas/A/oneOf/1: Schema in `oneOf` is inline, so the `discriminator` cannot select it. Use a `$ref` to a named schema.'],
    ],
    ['oneOf of different types', '    A: {oneOf: [{type: string}, {type: integer}]}\n', []],
    [
      'oneOf of overlapping types',
      '    A: {oneOf: [{type: number}, {type: integer}]}\n',
      [
        '/components/schemas/A/oneOf: Schemas in `oneOf` must be mutually exclusive. Found overlapping schemas: schema at position 1 and schema at position 2. Both schemas accept `integer`.',
      ],
    ],
    [
      'oneOf with shared values',
      '    A: {oneOf: [{title: X, enum: [a, b]}, {title: Y, enum: [b, c]}]}\n',
      [
        '/components/schemas/A/oneOf: Schemas in `oneOf` must be mutually exclusive. Found overlapping schemas: `X` and `Y`. Both schemas allow the values ["b"].',
      ],
    ],
    [
      'oneOf objects told apart only by an optional property',
      "    A: {oneOf: [{$ref: '#/components/schemas/B'}, {$ref: '#/components/schemas/C'}]}\n    B: {type: object, properties: {k: {const: b}, n: {type: string}}}\n    C: {type: object, properties: {k: {const: c}, n: {type: string}}}\n",
      [
        '/components/schemas/A/oneOf: Schemas in `oneOf` must be mutually exclusive. Found overlapping schemas: `#/components/schemas/B` and `#/components/schemas/C`. Add `k` to `required` in every schema; an optional property cannot distinguish the schemas. Other shared properties: `n`.',
      ],
    ],
    [
      'oneOf objects told apart by a required property',
      '    A: {oneOf: [{type: object, required: [k], properties: {k: {const: b}}}, {type: object, required: [k], properties: {k: {const: c}}}]}\n',
      [],
    ],
    [
      'a nullable schema with a nullable alternative',
      '    A: {type: [object, "null"], oneOf: [{type: "null"}, {type: object}]}\n',
      ['/components/schemas/A/oneOf: The schema and a schema in `oneOf` both accept `null`, so nothing decides which one applies to a null value.'],
    ],
    ['schemas with other keywords are not compared', '    A: {oneOf: [{type: string, minLength: 3}, {type: string, maxLength: 2}]}\n', []],
    [
      'under a discriminator (before 3.2), an optional discriminating property',
      "    A: {oneOf: [{$ref: '#/components/schemas/B'}, {$ref: '#/components/schemas/C'}], discriminator: {propertyName: k}}\n    B: {type: object, properties: {k: {type: string}}}\n    C: {type: object, properties: {k: {type: string}}}\n",
      [
        '/components/schemas/A/oneOf: Schemas in `oneOf` must be mutually exclusive. Found overlapping schemas: `#/components/schemas/B` and `#/components/schemas/C`. Add `k` to `required` in every schema; the `discriminator` cannot read a property a value may omit.',
      ],
    ],
  ])('%s', async (_name, schemas, want) => {
    expect(await hits(schemas)).toEqual(want);
  });

  it('3.2: the discriminator advice is not given', async () => {
    expect(
      await hits(
        "    A: {oneOf: [{$ref: '#/components/schemas/B'}, {$ref: '#/components/schemas/C'}], discriminator: {propertyName: k}}\n    B: {type: object, properties: {k: {type: string}}}\n    C: {type: object, properties: {k: {type: string}}}\n",
        '3.2.0',
      ),
    ).toEqual([]);
  });
});

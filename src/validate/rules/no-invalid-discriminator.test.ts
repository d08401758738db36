import { describe, expect, it } from 'vitest';
import { noInvalidDiscriminator as rule } from './no-invalid-discriminator.js';
import { runRule } from './rule-test-helper.js';

const doc = (schemas: string): string => `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n${schemas}`;

describe(rule.id, () => {
  it('mapping targets must resolve (names and refs)', async () => {
    const hits = await runRule(
      rule,
      doc(`    Pet:
      type: object
      required: [kind]
      properties: {kind: {type: string}}
      discriminator:
        propertyName: kind
        mapping: {cat: Cat, dog: '#/components/schemas/Dog', fish: Fish, bird: '#/components/schemas/Bird'}
    Cat: {allOf: [{$ref: '#/components/schemas/Pet'}]}
    Dog: {allOf: [{$ref: '#/components/schemas/Pet'}]}
`),
    );
    expect(hits.map((h) => [h.pointer, h.severity, h.message])).toEqual([
      [
        '/components/schemas/Pet/discriminator/mapping/fish',
        'error',
        'discriminator mapping `fish` -> `Fish` does not resolve: there is no schema `Fish` in components.schemas',
      ],
      [
        '/components/schemas/Pet/discriminator/mapping/bird',
        'error',
        'discriminator mapping `bird` -> `#/components/schemas/Bird` does not resolve: `/components/schemas/Bird` does not exist in api/openapi.yaml',
      ],
    ]);
  });

  it.each([
    [
      'required via oneOf branches',
      `    P: {oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}], discriminator: {propertyName: t}}\n    A: {type: object, required: [t], properties: {t: {type: string}}}\n    B: {type: object, required: [t], properties: {t: {type: string}}}\n`,
      [],
    ],
    [
      'required via allOf',
      `    P: {allOf: [{$ref: '#/components/schemas/A'}], discriminator: {propertyName: t}}\n    A: {type: object, required: [t], properties: {t: {type: string}}}\n`,
      [],
    ],
    [
      'declared but not required',
      `    P: {type: object, properties: {t: {type: string}}, discriminator: {propertyName: t}}\n`,
      ['warn: the discriminator property `t` is not `required`: when a payload omits it, the schema to use is undefined'],
    ],
    [
      'not declared',
      `    P: {type: object, discriminator: {propertyName: t}}\n`,
      ['warn: the discriminator property `t` is not declared in `properties` of this schema (or of its allOf parts or every oneOf/anyOf branch)'],
    ],
    [
      'one branch lacks it',
      `    P: {oneOf: [{$ref: '#/components/schemas/A'}, {type: object}], discriminator: {propertyName: t}}\n    A: {type: object, required: [t], properties: {t: {type: string}}}\n`,
      ['warn: the discriminator property `t` is not declared in `properties` of this schema (or of its allOf parts or every oneOf/anyOf branch)'],
    ],
  ])('%s', async (_name, schemas, want) => {
    const hits = await runRule(rule, doc(schemas));
    expect(hits.map((h) => `${h.severity}: ${h.message}`)).toEqual(want);
  });

  it('a $ref cycle in an allOf part is skipped, not followed forever', async () => {
    const hits = await runRule(
      rule,
      doc(`    P:
      allOf: [{$ref: '#/components/schemas/L'}, {$ref: '#/components/schemas/M'}, {$ref: '#/components/schemas/A'}]
      discriminator: {propertyName: t, mapping: {x: X}}
    L: {$ref: '#/components/schemas/L'}
    M: {$ref: '#/components/schemas/N'}
    N: {$ref: '#/components/schemas/M'}
    A: {type: object, properties: {t: {type: string}}}
`),
    );
    expect(hits.map((h) => [h.pointer, h.severity, h.message])).toEqual([
      [
        '/components/schemas/P/discriminator/mapping/x',
        'error',
        'discriminator mapping `x` -> `X` does not resolve: there is no schema `X` in components.schemas',
      ],
      [
        '/components/schemas/P/discriminator/propertyName',
        'warn',
        'the discriminator property `t` is not `required`: when a payload omits it, the schema to use is undefined',
      ],
    ]);
  });

  it.each([
    ['2.0: declared and required', '  P: {type: object, discriminator: kind, required: [kind], properties: {kind: {type: string}}}\n', []],
    [
      '2.0: through allOf',
      "  P: {allOf: [{$ref: '#/definitions/B'}], discriminator: kind}\n  B: {type: object, required: [kind], properties: {kind: {type: string}}}\n",
      [],
    ],
    [
      '2.0: not required',
      '  P: {type: object, discriminator: kind, properties: {kind: {type: string}}}\n',
      [
        'error /definitions/P/discriminator: the discriminator property `kind` is not in `required`: Swagger 2.0 requires it to be defined at this schema and required',
      ],
    ],
    [
      '2.0: not defined',
      '  P: {type: object, discriminator: kind, required: [kind]}\n',
      [
        'error /definitions/P/discriminator: the discriminator property `kind` is not defined in `properties` of this schema: Swagger 2.0 requires it to be defined at this schema and required',
      ],
    ],
  ])('%s', async (_name, definitions, want) => {
    const hits = await runRule(rule, `swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\ndefinitions:\n${definitions}`);
    expect(hits.map((h) => `${h.severity} ${h.pointer}: ${h.message}`)).toEqual(want);
  });

  it('3.2: an optional property is not reported here (spec-discriminator-defaultMapping checks it)', async () => {
    const hits = await runRule(
      rule,
      `openapi: 3.2.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    P: {type: object, properties: {t: {type: string}}, discriminator: {propertyName: t}}\n    Q: {type: object, discriminator: {propertyName: t}}\n`,
    );
    expect(hits.map((h) => `${h.severity} ${h.pointer}`)).toEqual(['warn /components/schemas/Q/discriminator/propertyName']);
  });
});

import { describe, expect, it } from 'vitest';
import { specDiscriminatorDefaultMapping as rule } from './spec-discriminator-defaultMapping.js';
import { runRule } from './rule-test-helper.js';

const doc = (schemas: string, version = '3.2.0'): string =>
  `openapi: ${version}\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n${schemas}`;

describe(rule.id, () => {
  it.each([
    ['required: fine', doc('    P: {type: object, required: [t], properties: {t: {type: string}}, discriminator: {propertyName: t}}\n'), []],
    [
      'required by every oneOf branch',
      doc(
        "    P: {oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}], discriminator: {propertyName: t}}\n    A: {type: object, required: [t], properties: {t: {const: A}}}\n    B: {type: object, required: [t], properties: {t: {const: B}}}\n",
      ),
      [],
    ],
    [
      'optional without defaultMapping',
      doc('    P: {type: object, properties: {t: {type: string}}, discriminator: {propertyName: t}}\n'),
      [
        '/components/schemas/P/discriminator: the discriminator property `t` is optional, and the discriminator has no `defaultMapping`: OpenAPI 3.2 requires one for an optional property',
      ],
    ],
    [
      'optional with defaultMapping by name',
      doc('    P: {type: object, properties: {t: {type: string}}, discriminator: {propertyName: t, defaultMapping: Q}}\n    Q: {type: object}\n'),
      [],
    ],
    [
      'optional with defaultMapping by $ref',
      doc(
        "    P: {type: object, properties: {t: {type: string}}, discriminator: {propertyName: t, defaultMapping: '#/components/schemas/Q'}}\n    Q: {type: object}\n",
      ),
      [],
    ],
    [
      'a defaultMapping that does not resolve',
      doc('    P: {type: object, properties: {t: {type: string}}, discriminator: {propertyName: t, defaultMapping: Nope}}\n'),
      [
        "/components/schemas/P/discriminator/defaultMapping: the discriminator's defaultMapping `Nope` does not resolve: there is no schema `Nope` in components.schemas",
      ],
    ],
    ['3.1 is not checked', doc('    P: {type: object, properties: {t: {type: string}}, discriminator: {propertyName: t}}\n', '3.1.0'), []],
  ])('%s', async (_name, text, want) => {
    const hits = await runRule(rule, text);
    expect(hits.map((h) => `${h.pointer}: ${h.message}`)).toEqual(want);
    expect(hits.every((h) => h.severity === 'error')).toBe(true);
  });
});

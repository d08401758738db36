import { describe, expect, it } from 'vitest';
import { specDiscriminatorImplicitMapping as rule } from './spec-discriminator-implicit-mapping.js';
import { runRule, runRuleWithSuggestions } from './rule-test-helper.js';

const doc = (schemas: string): string => `openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n${schemas}`;

describe(rule.id, () => {
  it('alternatives pinned to values other than their names (OpenAI message roles)', async () => {
    const hits = await runRule(
      rule,
      doc(`    Message:
      oneOf: [{$ref: '#/components/schemas/SystemMessage'}, {$ref: '#/components/schemas/UserMessage'}]
      discriminator: {propertyName: role}
    SystemMessage: {type: object, required: [role], properties: {role: {type: string, enum: [system]}}}
    UserMessage: {allOf: [{$ref: '#/components/schemas/Base'}, {type: object, properties: {role: {const: user}}}]}
    Base: {type: object, required: [role]}
`),
    );
    expect(hits).toEqual([
      {
        pointer: '/components/schemas/Message/discriminator',
        severity: 'warn',
        message:
          'the discriminator `role` has no `mapping`, so its values must be schema names, but oneOf[0] (`SystemMessage`) allows `role` only `system`; oneOf[1] (`UserMessage`) allows `role` only `user`: no valid payload selects them',
      },
    ]);
  });

  it('suggests the explicit mapping, with pointers for inline alternatives', async () => {
    const hits = await runRuleWithSuggestions(
      rule,
      `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema:\n              anyOf:\n                - {type: object, properties: {kind: {type: string, enum: [a]}}}\n                - {$ref: '#/components/schemas/B'}\n              discriminator: {propertyName: kind}\n      responses: {'200': {description: ok}}\ncomponents:\n  schemas:\n    B: {type: object, properties: {kind: {type: string, enum: [b]}}}\n`,
    );
    expect(hits.map((h) => h.pointer)).toEqual(['/paths/~1a/post/requestBody/content/application~1json/schema/discriminator']);
    expect(hits[0]!.message).toContain('anyOf[0] is inline (it has no schema name); anyOf[1] (`B`) allows `kind` only `b`');
    expect(hits[0]!.suggestion).toBe(
      "Add an explicit mapping: `mapping: {a: '#/paths/~1a/post/requestBody/content/application~1json/schema/anyOf/0', b: '#/components/schemas/B'}`.",
    );
  });

  it.each([
    [
      'names match the pinned values',
      "    P: {oneOf: [{$ref: '#/components/schemas/a'}], discriminator: {propertyName: k}}\n    a: {type: object, properties: {k: {const: a}}}\n",
    ],
    [
      'the property is not pinned',
      "    P: {oneOf: [{$ref: '#/components/schemas/A'}], discriminator: {propertyName: k}}\n    A: {type: object, properties: {k: {type: string}}}\n",
    ],
    ['an explicit mapping', "    P: {oneOf: [{type: object}], discriminator: {propertyName: k, mapping: {x: '#/components/schemas/P/oneOf/0'}}}\n"],
    ['the allOf style (no oneOf/anyOf)', '    P: {type: object, properties: {k: {type: string}}, discriminator: {propertyName: k}}\n'],
  ])('%s: nothing to report', async (_name, schemas) => {
    expect(await runRule(rule, doc(schemas))).toEqual([]);
  });

  it('names five alternatives at most, and values no mapping can tell apart', async () => {
    const alts = Array.from({ length: 7 }, (_, i) => `{$ref: '#/components/schemas/S${i}'}`).join(', ');
    const defs = Array.from({ length: 7 }, (_, i) => `    S${i}: {type: object, properties: {k: {const: ${i < 2 ? 'same' : `v${i}`}}}}\n`).join('');
    const hits = await runRuleWithSuggestions(rule, doc(`    P: {oneOf: [${alts}], discriminator: {propertyName: k}}\n${defs}`));
    expect(hits[0]!.message).toMatch(/oneOf\[4\] \(`S4`\) allows `k` only `v4`; 2 more: no valid payload selects them$/);
    expect(hits[0]!.suggestion).toBe(
      "Add an explicit `mapping` (v2: '#/components/schemas/S2', v3: '#/components/schemas/S3', v4: '#/components/schemas/S4', v5: '#/components/schemas/S5', v6: '#/components/schemas/S6'); `same` is allowed by more than one alternative, which no mapping can tell apart.",
    );
  });

  it('an inline alternative without a pinned value cannot be mapped: says so', async () => {
    const hits = await runRuleWithSuggestions(
      rule,
      doc('    P: {oneOf: [{type: object, properties: {k: {type: string}}}], discriminator: {propertyName: k}}\n'),
    );
    expect(hits.map((h) => h.suggestion)).toEqual([
      'Pin `k` (const or enum) in every alternative, and add an explicit `mapping` from each value to its alternative.',
    ]);
    expect(hits.map((h) => h.message)).toEqual([
      'the discriminator `k` has no `mapping`, so its values must be schema names, but oneOf[0] is inline (it has no schema name): no valid payload selects it',
    ]);
  });
});

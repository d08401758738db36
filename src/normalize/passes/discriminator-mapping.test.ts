import { describe, it, expect } from 'vitest';
import { discriminatorMapping } from './discriminator-mapping.js';
import { runPass } from './test-helpers.js';
import { resolvePointer } from '../../core/pointer.js';

const doc = (union: string, extra = '') => `
components:
  schemas:
    Message:
${union}
    System:
      type: object
      properties: { role: { type: string, enum: [system] }, content: { type: string } }
    User:
      type: object
      properties: { role: { type: string, const: user } }
    Tool:
      allOf:
        - $ref: '#/components/schemas/Base'
        - properties: { role: { enum: [tool] } }
    Base:
      properties: { content: { type: string } }
    Open:
      properties: { role: { type: string } }
    AlsoSystem:
      properties: { role: { $ref: '#/components/schemas/SystemRole' } }
    SystemRole: { type: string, enum: [system] }
${extra}`;

const union = (alts: string[], key = 'oneOf', mapping = '') =>
  `      ${key}:\n${alts.map((a) => `        - $ref: '#/components/schemas/${a}'`).join('\n')}\n      discriminator: { propertyName: role${mapping} }`;

describe('discriminator-mapping', () => {
  it.each([
    [
      'enum, const and allOf alternatives (oneOf)',
      union(['System', 'User', 'Tool']),
      { system: '#/components/schemas/System', user: '#/components/schemas/User', tool: '#/components/schemas/Tool' },
    ],
    [
      'anyOf, and a property given by $ref',
      union(['AlsoSystem', 'User'], 'anyOf'),
      { system: '#/components/schemas/AlsoSystem', user: '#/components/schemas/User' },
    ],
  ])('writes the mapping: %s', (_name, u, expected) => {
    const { doc: out, findings } = runPass(discriminatorMapping, doc(u));
    expect(resolvePointer(out, '/components/schemas/Message/discriminator')).toEqual({ propertyName: 'role', mapping: expected });
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: 'discriminator-mapping', severity: 'info', pointer: '/components/schemas/Message/discriminator' }),
    ]);
    expect(findings[0]!.message).toContain('wrote the mapping');
  });

  it.each([
    ['an alternative leaves the property open', union(['System', 'Open']), 'Open does not pin role'],
    ['two alternatives pin the same value', union(['System', 'AlsoSystem']), 'role system is pinned by more than one alternative'],
    [
      'an inline alternative',
      `      oneOf:\n        - $ref: '#/components/schemas/System'\n        - { properties: { role: { const: x } } }\n      discriminator: { propertyName: role }`,
      'not a $ref to a component schema',
    ],
    ['a missing component', union(['System', 'Nowhere']), 'Nowhere does not pin role'],
  ])('leaves the discriminator alone and says why: %s', (_name, u, why) => {
    const { doc: out, findings } = runPass(discriminatorMapping, doc(u));
    expect(resolvePointer(out, '/components/schemas/Message/discriminator')).toEqual({ propertyName: 'role' });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain(why);
  });

  it('keeps a mapping the document gives, and ignores a discriminator without oneOf/anyOf', () => {
    const given = union(['System', 'User'], 'oneOf', ", mapping: { s: '#/components/schemas/System' }");
    const { doc: out, findings } = runPass(discriminatorMapping, doc(given, `    Lone:\n      discriminator: { propertyName: role }\n`));
    expect(resolvePointer(out, '/components/schemas/Message/discriminator/mapping')).toEqual({ s: '#/components/schemas/System' });
    expect(resolvePointer(out, '/components/schemas/Lone/discriminator')).toEqual({ propertyName: 'role' });
    expect(findings).toEqual([]);
  });

  it('finds unions inside properties too (a nested oneOf)', () => {
    const nested = `      properties:\n        m:\n${union(['System', 'User']).replace(/^/gm, '    ')}`;
    const { doc: out } = runPass(discriminatorMapping, doc(nested));
    expect(resolvePointer(out, '/components/schemas/Message/properties/m/discriminator/mapping')).toEqual({
      system: '#/components/schemas/System',
      user: '#/components/schemas/User',
    });
  });
});

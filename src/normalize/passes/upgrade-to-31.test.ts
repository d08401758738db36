import { describe, it, expect } from 'vitest';
import { upgradeTo31 } from './upgrade-to-31.js';
import { runPass } from './test-helpers.js';
import { resolvePointer } from '../../core/pointer.js';

describe('upgrade-to-3.1', () => {
  it('turns nullable, example and boolean bounds into their 3.1 forms', () => {
    const { doc, findings } = runPass(
      upgradeTo31,
      `
openapi: 3.0.3
paths: {}
components:
  schemas:
    A:
      type: object
      properties:
        n: { type: integer, nullable: true, minimum: 0, exclusiveMinimum: true, example: 3 }
        e: { type: string, enum: [a, b], nullable: true }
        u: { nullable: true, description: untyped }
`,
    );
    const props = {
      n: resolvePointer(doc, '/components/schemas/A/properties/n'),
      e: resolvePointer(doc, '/components/schemas/A/properties/e'),
      u: resolvePointer(doc, '/components/schemas/A/properties/u'),
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(props.n).toEqual({ type: ['integer', 'null'], exclusiveMinimum: 0, examples: [3] });
    expect(props.e).toEqual({ type: ['string', 'null'], enum: ['a', 'b', null] });
    expect(props.u).toEqual({ anyOf: [{ description: 'untyped' }, { type: 'null' }] });
    expect(findings.map((f) => f.ruleId)).toEqual(['upgrade-to-3.1']);
  });

  it('reports a 3.0.x document that already uses 3.1 constructs (FAL)', () => {
    const { findings } = runPass(
      upgradeTo31,
      `
openapi: 3.0.4
paths: {}
components:
  schemas:
    In:
      properties:
        seed: { anyOf: [{ type: integer }, { type: 'null' }], examples: [42] }
`,
    );
    const claim = findings.find((f) => f.ruleId === 'claims-3.0-uses-3.1');
    expect(claim?.message).toContain('examples ×1');
    expect(claim?.message).toContain('type: null ×1');
    expect(claim?.pointer).toBe('/openapi');
  });

  it('a schema that appears in several places (a YAML alias) is upgraded once and not taken for 3.1 usage afterwards', () => {
    const { doc, findings } = runPass(
      upgradeTo31,
      `
openapi: 3.0.3
paths: {}
components:
  schemas:
    A:
      properties:
        first: &n { type: integer, nullable: true, example: 3 }
        second: *n
    B:
      properties:
        again: *n
`,
    );
    expect(resolvePointer(doc, '/components/schemas/B/properties/again')).toEqual({ type: ['integer', 'null'], examples: [3] });
    expect(findings.map((f) => f.ruleId)).toEqual(['upgrade-to-3.1']);
    expect(findings[0]?.message).toBe('upgraded from 3.0.3 to 3.1.0 (nullable ×1, example ×1)');
  });

  it('leaves 3.1 documents alone', () => {
    const { doc, findings } = runPass(upgradeTo31, 'openapi: 3.1.0\npaths: {}\n');
    expect(doc.openapi).toBe('3.1.0');
    expect(findings).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { resolvePointer } from '../../core/pointer.js';
import { nullableIn31 } from './nullable-in-31.js';
import { runPass } from './test-helpers.js';

const DOC = `
openapi: 3.1.0
components:
  schemas:
    Request:
      type: object
      properties:
        max_tokens: { type: integer, nullable: true }
        temperature: { type: [number], nullable: true }
        mode: { type: string, enum: [auto, none], nullable: true }
        location: { $ref: '#/components/schemas/Location', description: Where, nullable: true }
        seed: { type: integer, nullable: false }
        already: { type: [string, 'null'], nullable: true }
    Location: { type: string }
`;

describe('nullable-in-3.1', () => {
  it("reads `nullable` in a 3.1 document as 3.0's: a null type, null in the enum, anyOf without a type", () => {
    const { doc, findings } = runPass(nullableIn31, DOC);
    const prop = (name: string) => resolvePointer(doc, `/components/schemas/Request/properties/${name}`);
    expect(prop('max_tokens')).toEqual({ type: ['integer', 'null'] });
    expect(prop('temperature')).toEqual({ type: ['number', 'null'] });
    expect(prop('mode')).toEqual({ type: ['string', 'null'], enum: ['auto', 'none', null] });
    // The description stays beside the anyOf, where the SDK's doc comment reads it.
    expect(prop('location')).toEqual({ anyOf: [{ $ref: '#/components/schemas/Location' }, { type: 'null' }], description: 'Where' });
    expect(prop('seed')).toEqual({ type: 'integer' });
    expect(prop('already')).toEqual({ type: ['string', 'null'] });
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'nullable-in-3.1',
        severity: 'info',
        pointer: '/openapi',
        message: "`nullable` ×6: not an OpenAPI 3.1.0 keyword; read as 3.0's (`true`: a `null` type)",
      }),
    ]);
  });

  it('leaves 3.0 documents to upgrade-to-3.1, and reports nothing where there is no nullable', () => {
    const { doc, findings } = runPass(nullableIn31, DOC.replace('3.1.0', '3.0.3'));
    expect(resolvePointer(doc, '/components/schemas/Request/properties/max_tokens')).toEqual({ type: 'integer', nullable: true });
    expect(findings).toEqual([]);
    expect(runPass(nullableIn31, 'openapi: 3.1.0\ncomponents: {schemas: {A: {type: string}}}\n').findings).toEqual([]);
  });
});

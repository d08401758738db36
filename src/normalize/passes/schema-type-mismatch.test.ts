import { describe, it, expect } from 'vitest';
import { schemaTypeMismatch } from './schema-type-mismatch.js';
import { runPass } from './test-helpers.js';
import { resolvePointer } from '../../core/pointer.js';

describe('schema-type-mismatch', () => {
  it('keeps keywords that never apply as x- keys (DigitalOcean: type object with items)', () => {
    const { doc, findings } = runPass(
      schemaTypeMismatch,
      `
components:
  schemas:
    K: { type: object, items: { type: string } }
    L: { type: array, properties: { a: {} }, items: { type: string } }
    M: { type: [array, 'null'], items: { type: string } }
`,
    );
    expect(resolvePointer(doc, '/components/schemas/K')).toEqual({ type: 'object', 'x-items': { type: 'string' } });
    expect(resolvePointer(doc, '/components/schemas/L')).toEqual({ type: 'array', 'x-properties': { a: {} }, items: { type: 'string' } });
    expect(findings.map((f) => f.pointer)).toEqual(['/components/schemas/K/items', '/components/schemas/L/properties']);
  });
});

import { describe, it, expect } from 'vitest';
import { tupleItems } from './tuple-items.js';
import { runPass } from './test-helpers.js';
import { resolvePointer } from '../../core/pointer.js';

describe('tuple-items', () => {
  it('rewrites items keyed "0", "1" (FAL whisper) as a prefixItems tuple', () => {
    const { doc, findings } = runPass(
      tupleItems,
      `
components:
  schemas:
    Chunk:
      properties:
        timestamp:
          type: array
          items: { "0": { type: number }, "1": { type: number } }
`,
    );
    expect(resolvePointer(doc, '/components/schemas/Chunk/properties/timestamp')).toEqual({
      type: 'array',
      prefixItems: [{ type: 'number' }, { type: 'number' }],
      minItems: 2,
      maxItems: 2,
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.pointer).toBe('/components/schemas/Chunk/properties/timestamp/items');
  });

  it('does not touch a normal items schema', () => {
    const { findings } = runPass(tupleItems, 'components: { schemas: { L: { type: array, items: { type: string } } } }');
    expect(findings).toEqual([]);
  });
});

import { describe, it, expect } from 'vitest';
import { nonStandardKeywords } from './nonstandard-keywords.js';
import { runPass } from './test-helpers.js';
import { resolvePointer } from '../../core/pointer.js';

describe('non-standard-keywords', () => {
  it('moves FAL keywords to x- keys and leaves property names alone', () => {
    const { doc, findings } = runPass(
      nonStandardKeywords,
      `
components:
  schemas:
    In:
      properties:
        step: { type: integer, step: 1, max_pixels: 100, limit_description: "up to 100" }
`,
    );
    const step = resolvePointer(doc, '/components/schemas/In/properties/step');
    expect(step).toEqual({ type: 'integer', 'x-step': 1, 'x-max_pixels': 100, 'x-limit_description': 'up to 100' });
    expect(findings.map((f) => f.pointer).sort()).toEqual([
      '/components/schemas/In/properties/step/limit_description',
      '/components/schemas/In/properties/step/max_pixels',
      '/components/schemas/In/properties/step/step',
    ]);
  });
});

import { describe, it, expect } from 'vitest';
import { danglingRefs } from './dangling-refs.js';
import { runPass } from './test-helpers.js';
import { resolvePointer } from '../../core/pointer.js';

const DOC = `
paths: {}
components:
  schemas:
    In:
      properties:
        tracks: { type: array, items: { $ref: '#/components/schemas/TrackPoint' } }
`;

describe('dangling-refs', () => {
  it('patches a missing component with a placeholder that accepts anything (policy patch)', () => {
    const { doc, findings } = runPass(danglingRefs('patch'), DOC);
    expect(resolvePointer(doc, '/components/schemas/TrackPoint/x-hub-placeholder')).toBe(true);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('#/components/schemas/TrackPoint');
    expect(doc['x-hub-quarantined']).toBeUndefined();
  });

  it('marks the document quarantined (policy quarantine)', () => {
    const { doc } = runPass(danglingRefs('quarantine'), DOC);
    expect(doc['x-hub-quarantined']).toContain('TrackPoint');
    expect(resolvePointer(doc, '/components/schemas/TrackPoint')).toBeUndefined();
  });

  it('is silent when every ref resolves', () => {
    const { findings } = runPass(danglingRefs('patch'), 'components: { schemas: { A: { $ref: "#/components/schemas/B" }, B: { type: string } } }');
    expect(findings).toEqual([]);
  });
});

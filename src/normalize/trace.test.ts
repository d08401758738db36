import { describe, it, expect } from 'vitest';
import { parse } from 'yaml';
import { traceToSource } from './trace.js';

const DOC = parse(`
paths:
  /a:
    post:
      x-hub-source: { provider: fal, endpointId: a, file: a.json }
      security: [{ falKey: [] }]
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/AIn' } } } }
  /b:
    get:
      x-hub-source: { provider: fal, endpointId: b, file: b.json }
      responses: { default: { $ref: '#/components/responses/Err' } }
components:
  schemas:
    AIn: { properties: { img: { $ref: '#/components/schemas/Image' } } }
    Image: { type: object }
    Orphan: { type: string }
  responses:
    Err: { description: e, content: { application/json: { schema: { $ref: '#/components/schemas/Image' } } } }
  securitySchemes:
    falKey: { type: apiKey, in: header, name: Authorization }
`) as Record<string, unknown>;

describe('traceToSource', () => {
  it('gives the x-hub-source of the operation a pointer lies in', () => {
    expect(traceToSource(DOC, '/paths/~1a/post/requestBody/content')).toEqual({
      pointer: '/paths/~1a/post/requestBody/content',
      kind: 'operation',
      owner: '/paths/~1a/post',
      sources: [{ provider: 'fal', endpointId: 'a', file: 'a.json' }],
    });
  });

  it('traces a component to every operation that reaches it, through other components, with the report note', () => {
    const r = traceToSource(DOC, '/components/schemas/Image/type', { renames: [{ section: 'schemas', from: 'Pic', to: 'Image', sources: ['a', 'b'] }], shared: [] });
    expect(r.kind).toBe('component');
    expect(r.sources.map((s) => s.endpointId)).toEqual(['a', 'b']);
    expect(r.note).toContain('renamed from Pic');
    expect(traceToSource(DOC, '/components/securitySchemes/falKey').sources.map((s) => s.endpointId)).toEqual(['a']);
    expect(traceToSource(DOC, '/components/schemas/Orphan').sources).toEqual([]);
  });

  it('says what it cannot trace', () => {
    expect(traceToSource(DOC, '/info/title').kind).toBe('document');
    expect(traceToSource(DOC, '/paths/~1nope/get').kind).toBe('missing');
    expect(traceToSource(DOC, 'not a pointer').kind).toBe('missing');
  });

  it('a $ref into a component counts as a use of that component', () => {
    const doc = parse(`
paths:
  /c:
    get:
      x-hub-source: { provider: fal, endpointId: c, file: c.json }
      responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Box/properties/size' } } } } }
components:
  schemas:
    Box: { type: object, properties: { size: { type: integer } } }
`) as Record<string, unknown>;
    expect(traceToSource(doc, '/components/schemas/Box/properties/size').sources.map((s) => s.endpointId)).toEqual(['c']);
  });
});


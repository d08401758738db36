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
      targets: [{ file: 'a.json', pointer: '/paths/~1a/post/requestBody/content' }],
    });
  });

  it('traces a component to every operation that reaches it, through other components, with the report note', () => {
    const r = traceToSource(DOC, '/components/schemas/Image/type', {
      renames: [{ section: 'schemas', from: 'Pic', to: 'Image', sources: ['a', 'b'] }],
      shared: [],
    });
    expect(r.kind).toBe('component');
    expect(r.sources.map((s) => s.endpointId)).toEqual(['a', 'b']);
    expect(r.note).toContain('renamed from Pic');
    expect(traceToSource(DOC, '/components/securitySchemes/falKey').sources.map((s) => s.endpointId)).toEqual(['a']);
    expect(traceToSource(DOC, '/components/schemas/Orphan').sources).toEqual([]);
  });

  it.each([
    ['a path that does not exist', '/paths/~1nope/get'],
    ['a place inside an operation that does not exist', '/paths/~1a/post/requestBody/nope'],
    ['a component that does not exist', '/components/schemas/Nope'],
    ['a place inside a component that does not exist', '/components/schemas/Image/properties'],
    ['a top-level member that does not exist', '/nope/x'],
    ['something that is not a pointer', 'not a pointer'],
  ])('%s is missing, not "written by the hub"', (_name, ptr) => {
    expect(traceToSource(DOC, ptr)).toEqual({ pointer: ptr, kind: 'missing', sources: [] });
  });

  it('says what the hub wrote itself', () => {
    expect(traceToSource(DOC, '/components')).toMatchObject({ kind: 'document', sources: [] });
  });

  it("gives the place inside each provider document: the provider's own path and component name", () => {
    const doc = parse(`
paths:
  /yelp/search:
    get:
      x-hub-source: { provider: yelp, file: specs/providers/yelp/swagger.yaml, path: /search }
      responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Yelp_Business' } } } } }
components:
  schemas:
    Yelp_Business: { type: object, properties: { id: { type: string } } }
`) as Record<string, unknown>;
    expect(traceToSource(doc, '/paths/~1yelp~1search/get/responses/200').targets).toEqual([
      { file: 'specs/providers/yelp/swagger.yaml', pointer: '/paths/~1search/get/responses/200' },
    ]);
    const report = { renames: [{ section: 'schemas', from: 'Business', to: 'Yelp_Business', sources: ['yelp'] }], shared: [] };
    expect(traceToSource(doc, '/components/schemas/Yelp_Business/properties/id', report).targets).toEqual([
      { file: 'specs/providers/yelp/swagger.yaml', pointer: '/components/schemas/Business/properties/id' },
    ]);
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

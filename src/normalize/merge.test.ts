import { describe, it, expect } from 'vitest';
import { parse } from 'yaml';
import { mergeDocuments } from './merge.js';
import type { SourceDocument } from './types.js';
import { resolvePointer } from '../core/pointer.js';

const src = (sourceId: string, yaml: string): SourceDocument => ({
  provider: 'fal',
  sourceId,
  file: `${sourceId}.json`,
  sha256: 'x',
  doc: parse(yaml) as Record<string, unknown>,
});

const modelDoc = (id: string, imageType: string) => `
paths:
  /${id}:
    post:
      operationId: ${id.replace(/\W/g, '')}Submit
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/In' } } } }
      responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/QueueStatus' } } } } }
  /${id}/requests/{request_id}:
    get:
      operationId: ${id.replace(/\W/g, '')}Result
      parameters: [{ name: request_id, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Out' } } } } }
components:
  schemas:
    QueueStatus: { type: object, properties: { status: { type: string } } }
    In: { type: object, properties: { prompt: { type: string } }, title: In-${id} }
    Out: { type: object, properties: { images: { type: array, items: { $ref: '#/components/schemas/Image' } } } }
    Image: { type: ${imageType} }
    Unused: { type: string }
`;

describe('mergeDocuments', () => {
  it('shares identical components, namespaces clashing ones, rewrites refs and prunes the unused', () => {
    const r = mergeDocuments([
      src('a/one', modelDoc('a/one', 'object')),
      src('b/two', modelDoc('b/two', 'object')),
      src('c/three', modelDoc('c/three', 'string')),
    ]);
    const schemas = r.components.schemas!;
    expect(Object.keys(schemas).sort()).toEqual(['In', 'BTwo_In', 'CThree_In', 'CThree_Image', 'Image', 'Out', 'CThree_Out', 'QueueStatus'].sort());
    // QueueStatus is defined once and shared by all three documents.
    expect(r.shared).toContainEqual({ section: 'schemas', name: 'QueueStatus', sources: 3 });
    // The clashing Image of c/three is namespaced and its Out follows it.
    expect(resolvePointer(r.paths, '/~1c~1three~1requests~1{request_id}/get/responses/200/content/application~1json/schema/$ref')).toBe(
      '#/components/schemas/CThree_Out',
    );
    expect(resolvePointer(schemas, '/CThree_Out/properties/images/items/$ref')).toBe('#/components/schemas/CThree_Image');
    expect(resolvePointer(schemas, '/Out/properties/images/items/$ref')).toBe('#/components/schemas/Image');
    expect(r.renames.find((x) => x.to === 'CThree_Image')).toEqual({ section: 'schemas', from: 'Image', to: 'CThree_Image', sources: ['c/three'] });
    expect(r.pruned).toBeGreaterThan(0);
    expect(schemas).not.toHaveProperty('Unused');
    expect(r.findings).toEqual([]);
  });

  it('gives the same result whatever the order of the inputs', () => {
    const docs = () => [src('a/one', modelDoc('a/one', 'object')), src('c/three', modelDoc('c/three', 'string'))];
    const one = mergeDocuments(docs());
    const two = mergeDocuments(docs().reverse());
    expect(Object.keys(one.components.schemas!).sort()).toEqual(Object.keys(two.components.schemas!).sort());
  });

  it('reports a path or operationId defined twice as an error naming both sources, never overwriting', () => {
    const r = mergeDocuments([src('x', modelDoc('same/id', 'object')), src('y', modelDoc('same/id', 'object'))]);
    const errors = r.findings.filter((f) => f.severity === 'error');
    expect(errors.map((e) => e.ruleId).sort()).toEqual(['path-conflict', 'path-conflict']);
    expect(errors[0]!.message).toContain('fal:x (x.json)');
    expect(errors[0]!.message).toContain('fal:y (y.json)');
  });

  it('terminates on circular references', () => {
    const r = mergeDocuments([
      src(
        't',
        `
paths: { /t: { get: { responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Node' } } } } } } } }
components: { schemas: { Node: { type: object, properties: { next: { $ref: '#/components/schemas/Node' } } } } }
`,
      ),
    ]);
    expect(Object.keys(r.components.schemas!)).toEqual(['Node']);
  });

  it('a $ref into a component (#/components/schemas/A/properties/b) keeps it, is rewritten with it, and counts for identity', () => {
    const doc = (id: string, bType: string) => `
paths:
  /${id}:
    post:
      responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/A/properties/b' } } } } }
components:
  schemas:
    A: { type: object, properties: { b: { type: ${bType} } } }
    Uses: { $ref: '#/components/schemas/A/properties/b' }
`;
    const r = mergeDocuments([src('x/one', doc('x/one', 'string')), src('y/two', doc('y/two', 'integer'))]);
    const schemas = r.components.schemas!;
    // A is reached only through the deep refs: kept, not pruned. The clashing A of y/two is renamed and its deep ref follows.
    expect(Object.keys(schemas).sort()).toEqual(['A', 'YTwo_A']);
    expect(resolvePointer(r.paths, '/~1x~1one/post/responses/200/content/application~1json/schema/$ref')).toBe('#/components/schemas/A/properties/b');
    expect(resolvePointer(r.paths, '/~1y~1two/post/responses/200/content/application~1json/schema/$ref')).toBe('#/components/schemas/YTwo_A/properties/b');
  });

  it('components equal but for key order are one, with or without references; equal text over different targets is not', () => {
    const doc = (id: string, order: 'ab' | 'ba', pixel: string) => `
paths:
  /${id}:
    post:
      responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Out' } } } } }
components:
  schemas:
    Out: ${order === 'ab' ? "{ type: object, properties: { img: { $ref: '#/components/schemas/Image' } } }" : "{ properties: { img: { $ref: '#/components/schemas/Image' } }, type: object }"}
    Image: ${order === 'ab' ? `{ type: object, properties: { px: { type: ${pixel} } } }` : `{ properties: { px: { type: ${pixel} } }, type: object }`}
`;
    const r = mergeDocuments([
      src('a/one', doc('a/one', 'ab', 'integer')),
      src('b/two', doc('b/two', 'ba', 'integer')),
      src('c/three', doc('c/three', 'ab', 'string')),
    ]);
    // a/one and b/two: same structure in another key order, shared; c/three's Out has a/one's text but another Image.
    expect(Object.keys(r.components.schemas!).sort()).toEqual(['CThree_Image', 'CThree_Out', 'Image', 'Out']);
    expect(r.shared).toEqual(
      expect.arrayContaining([
        { section: 'schemas', name: 'Out', sources: 2 },
        { section: 'schemas', name: 'Image', sources: 2 },
      ]),
    );
    expect(resolvePointer(r.components.schemas!, '/CThree_Out/properties/img/$ref')).toBe('#/components/schemas/CThree_Image');
  });
});

import { describe, expect, it } from 'vitest';
import { inlineRefs, selfContainedSchema } from './schema-inline.js';

const doc = {
  components: {
    schemas: {
      Input: { type: 'object', properties: { image: { $ref: '#/components/schemas/Image' }, size: { $ref: '#/components/schemas/Size' } } },
      Image: { type: 'object', properties: { url: { type: 'string' }, size: { $ref: '#/components/schemas/Size' } } },
      Size: { type: 'object', properties: { width: { type: 'integer' } } },
      Node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } },
      WithData: { type: 'object', default: { $ref: '#/not/a/schema' }, examples: [{ $ref: 'data' }], properties: { a: { const: { $ref: 'x' } } } },
    },
  },
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe('inlineRefs', () => {
  const cases: Array<[string, { node: unknown; depth: number; want: unknown; defs: string[] }]> = [
    ['depth 0 inlines nothing: every ref points into $defs', { node: ref('Image'), depth: 0, want: { $ref: '#/$defs/Image' }, defs: ['Image', 'Size'] }],
    [
      'depth 1 inlines the first level; the next level goes to $defs',
      { node: ref('Image'), depth: 1, want: { type: 'object', properties: { url: { type: 'string' }, size: { $ref: '#/$defs/Size' } } }, defs: ['Size'] },
    ],
    [
      'enough depth inlines everything and leaves no $defs',
      {
        node: ref('Input'),
        depth: 3,
        want: {
          type: 'object',
          properties: {
            image: { type: 'object', properties: { url: { type: 'string' }, size: { type: 'object', properties: { width: { type: 'integer' } } } } },
            size: { type: 'object', properties: { width: { type: 'integer' } } },
          },
        },
        defs: [],
      },
    ],
    [
      'a recursive schema is inlined once, then refers to itself through $defs',
      { node: ref('Node'), depth: 5, want: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/$defs/Node' } } } }, defs: ['Node'] },
    ],
    [
      'sibling keywords of a $ref win over the target',
      {
        node: { $ref: '#/components/schemas/Size', description: 'the size' },
        depth: 2,
        want: { type: 'object', properties: { width: { type: 'integer' } }, description: 'the size' },
        defs: [],
      },
    ],
    ['data keywords (default, const, examples arrays) are left alone', { node: ref('WithData'), depth: 2, want: doc.components.schemas.WithData, defs: [] }],
  ];
  it.each(cases)('%s', (_name, { node, depth, want, defs }) => {
    const r = inlineRefs(doc, node, { maxDepth: depth });
    expect(r.value).toEqual(want);
    expect(Object.keys(r.defs)).toEqual(defs);
    expect(r.unresolved).toEqual([]);
  });

  it('keeps a dangling ref as it is and reports it', () => {
    const r = inlineRefs(doc, { $ref: '#/components/schemas/Missing' }, { maxDepth: 3 });
    expect(r.value).toEqual({ $ref: '#/components/schemas/Missing' });
    expect(r.unresolved).toEqual(['#/components/schemas/Missing']);
  });

  it('never modifies the document', () => {
    const before = JSON.stringify(doc);
    inlineRefs(doc, ref('Input'), { maxDepth: 0 });
    inlineRefs(doc, ref('Node'), { maxDepth: 4 });
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('selfContainedSchema attaches $defs so that every #/$defs ref resolves inside the result', () => {
    const s = selfContainedSchema(inlineRefs(doc, ref('Input'), { maxDepth: 1 })) as Record<string, unknown>;
    const text = JSON.stringify(s);
    expect(text).not.toContain('#/components/');
    for (const m of text.matchAll(/"#\/\$defs\/([^"]+)"/g)) expect(Object.keys(s.$defs as object)).toContain(m[1]);
  });

  it('names two different targets with the same last segment apart', () => {
    const d = { components: { schemas: { A: { type: 'string' } }, responses: { A: { description: 'x' } } } };
    const r = inlineRefs(d, { one: { $ref: '#/components/schemas/A' }, two: { $ref: '#/components/responses/A' } }, { maxDepth: 0 });
    expect(r.value).toEqual({ one: { $ref: '#/$defs/A' }, two: { $ref: '#/$defs/A_2' } });
    expect(r.defs).toEqual({ A: { type: 'string' }, A_2: { description: 'x' } });
  });
});

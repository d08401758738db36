import { describe, expect, it } from 'vitest';
import { schemaTable, typeText } from './schema-table.js';

const doc = {
  components: {
    schemas: {
      Input: {
        type: 'object',
        required: ['prompt'],
        properties: {
          prompt: { type: 'string', description: 'What to draw.' },
          image_size: { anyOf: [{ $ref: '#/components/schemas/ImageSize' }, { type: 'string', enum: ['square', 'portrait'] }], default: 'square' },
          seed: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
          loras: { type: 'array', items: { $ref: '#/components/schemas/Lora' }, description: 'LoRA weights.' },
          format: { type: 'string', format: 'uri' },
          tree: { $ref: '#/components/schemas/Node' },
        },
      },
      ImageSize: { type: 'object', properties: { width: { type: 'integer' }, height: { type: 'integer' } } },
      Lora: { allOf: [{ $ref: '#/components/schemas/Base' }], type: 'object', required: ['path'], properties: { path: { type: 'string', title: 'Path' } } },
      Base: { type: 'object', required: ['scale'], properties: { scale: { type: 'number', default: 1 } } },
      Node: { type: 'object', properties: { child: { $ref: '#/components/schemas/Node' } } },
      Many: {
        type: 'object',
        properties: Object.fromEntries(
          Array.from({ length: 30 }, (_, i) => [`f${i}`, { type: 'string', enum: Array.from({ length: 50 }, (_x, j) => `v${j}`) }]),
        ),
      },
    },
  },
};
const ref = (name: string): unknown => ({ $ref: `#/components/schemas/${name}` });

describe('schemaTable', () => {
  it('lists fields with type, required, enum, default and description; nested objects are dotted', () => {
    const t = schemaTable(doc, ref('Input'));
    expect(t.rows.map((r) => [r.field, r.type, r.required, r.enumValues.join(','), r.defaultValue, r.description])).toEqual([
      ['prompt', 'string', true, '', null, 'What to draw.'],
      ['image_size', 'ImageSize | string', false, 'square,portrait', '"square"', ''],
      ['seed', 'integer | null', false, '', null, ''],
      ['loras', 'array of Lora', false, '', null, 'LoRA weights.'],
      ['loras[].scale', 'number', true, '', '1', ''],
      ['loras[].path', 'string', true, '', null, 'Path'],
      ['format', 'string (uri)', false, '', null, ''],
      ['tree', 'Node', false, '', null, ''],
      ['tree.child', 'Node', false, '', null, ''],
    ]);
    expect(t.rows.find((r) => r.field === 'loras[].path')?.level).toBe(2);
  });

  it('stops at a recursive schema and at maxLevel', () => {
    expect(schemaTable(doc, ref('Input'), { maxLevel: 1 }).rows.map((r) => r.field)).not.toContain('loras[].path');
    // Node -> child -> Node: the recursion is cut after one level.
    expect(schemaTable(doc, ref('Node'), { maxLevel: 10 }).rows.map((r) => r.field)).toEqual(['child']);
  });

  it('caps rows and enum values, counting what it leaves out', () => {
    const t = schemaTable(doc, ref('Many'), { maxRows: 10, maxEnum: 5 });
    expect(t.rows).toHaveLength(10);
    expect(t.omitted).toBe(20);
    expect(t.rows[0]?.enumValues).toEqual(['v0', 'v1', 'v2', 'v3', 'v4']);
    expect(t.rows[0]?.enumMore).toBe(45);
  });

  it('gives the root type of a schema without fields, and nothing for no schema', () => {
    expect(schemaTable(doc, { type: 'array', items: ref('Lora') })).toEqual({ rows: [], omitted: 0, rootType: 'array of Lora' });
    expect(schemaTable(doc, undefined)).toEqual({ rows: [], omitted: 0, rootType: null });
  });
});

describe('typeText', () => {
  it.each([
    [{ type: ['string', 'null'] }, 'string | null'],
    [{ type: 'string', nullable: true }, 'string | null'],
    [{ const: 'x' }, 'const "x"'],
    [{}, 'any'],
    [{ $ref: '#/components/schemas/Missing' }, 'any'],
    [{ oneOf: [{ type: 'null' }] }, 'null'],
  ])('%j -> %s', (schema, text) => {
    expect(typeText(doc, schema)).toBe(text);
  });
});

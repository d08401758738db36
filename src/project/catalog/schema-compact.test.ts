import { describe, expect, it } from 'vitest';
import { compactSchema, fieldSummary } from './schema-compact.js';

describe('compactSchema', () => {
  const ids = Array.from({ length: 568 }, (_, i) => `model-${i}`);
  it('describes a long enum instead of listing it, and keeps short ones', () => {
    const out = compactSchema(
      { type: 'object', properties: { model: { type: 'string', description: 'A model id.', enum: ids }, role: { enum: ['user', 'system'] } } },
      'see the list.',
    ) as {
      properties: { model: Record<string, unknown>; role: Record<string, unknown> };
    };
    expect(out.properties.model).toEqual({
      type: 'string',
      description: 'A model id. One of 568 values, not listed here: see the list.',
      'x-enum-size': 568,
      examples: ids.slice(0, 5),
    });
    expect(out.properties.role).toEqual({ enum: ['user', 'system'] });
    expect(JSON.stringify(out).length).toBeLessThan(400);
  });

  it('drops renderer-only keys, flattens indented descriptions, and leaves data alone', () => {
    const out = compactSchema(
      { 'x-fal-order-properties': ['a'], description: '\n    The scale\n    of it.\n  ', default: { enum: ids }, properties: { a: { description: 'kept' } } },
      'h',
    );
    expect(out).toEqual({ description: 'The scale of it.', default: { enum: ids }, properties: { a: { description: 'kept' } } });
  });
});

describe('fieldSummary', () => {
  const doc = {
    components: {
      schemas: {
        Base: { type: 'object', required: ['model'], properties: { model: { $ref: '#/components/schemas/ModelId' } } },
        ModelId: { type: 'string', description: 'A model id.', enum: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] },
        Req: {
          allOf: [
            { $ref: '#/components/schemas/Base' },
            {
              type: 'object',
              required: ['messages'],
              properties: {
                messages: { type: 'array', items: { type: 'object' } },
                stream: { type: 'boolean', description: 'x'.repeat(200) },
                n: { type: ['integer', 'null'] },
              },
            },
          ],
        },
      },
    },
  };
  it('lists the top-level fields through refs and allOf, required first, descriptions cut', () => {
    const s = fieldSummary(doc, { $ref: '#/components/schemas/Req' }, 3, 20);
    expect(s).toEqual({
      required: ['model', 'messages'],
      fields: { model: 'one of 7 values — A model id.', messages: 'array of object', stream: `boolean — ${'x'.repeat(19)}…` },
      more: ['n'],
    });
  });

  it('is null for a body without properties', () => {
    expect(fieldSummary(doc, { type: 'string' })).toBeNull();
  });
});

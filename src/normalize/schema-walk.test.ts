import { describe, it, expect } from 'vitest';
import { parse } from 'yaml';
import { forEachRef, forEachSchemaRoot, walkSchema } from './schema-walk.js';

describe('forEachRef', () => {
  it('finds refs under names that are also data keywords (the default response, a property called default), not in example data', () => {
    const doc = parse(`
responses:
  default: { $ref: '#/r/default' }
schema:
  properties:
    default: { $ref: '#/s/default-property' }
    enum: { $ref: '#/s/enum-property' }
  default: { $ref: 'not a ref: default value' }
  example: { $ref: 'not a ref: example' }
  examples: [{ $ref: 'not a ref: examples' }]
  discriminator: { propertyName: t, mapping: { a: '#/s/A' } }
`);
    const refs: string[] = [];
    const mappings: unknown[] = [];
    forEachRef(
      doc,
      (r) => refs.push(r),
      (m) => mappings.push(m),
    );
    expect(refs.sort()).toEqual(['#/r/default', '#/s/default-property', '#/s/enum-property']);
    expect(mappings).toEqual([{ a: '#/s/A' }]);
  });
});

describe('forEachSchemaRoot', () => {
  it('names component parameters by their name in the pointer, not by their position', () => {
    const doc = parse(`
components:
  parameters:
    Limit: { name: limit, in: query, schema: { type: integer } }
    Filter: { name: filter, in: query, content: { application/json: { schema: { type: object } } } }
  schemas:
    a/b: { type: string }
`);
    const seen: string[] = [];
    forEachSchemaRoot(doc, (_s, ptr) => seen.push(ptr));
    expect(seen.sort()).toEqual([
      '/components/parameters/Filter/content/application~1json/schema',
      '/components/parameters/Limit/schema',
      '/components/schemas/a~1b',
    ]);
  });
});

describe('walkSchema', () => {
  it('visits parents first and children in document order, with their pointers', () => {
    const root = parse(`
type: object
properties:
  b: { type: string }
  a/x: { type: array, items: { type: integer } }
allOf: [{ title: one }, { title: two }]
`);
    const seen: string[] = [];
    walkSchema(root, '/s', (_s, ptr) => seen.push(ptr));
    expect(seen).toEqual(['/s', '/s/properties/b', '/s/properties/a~1x', '/s/properties/a~1x/items', '/s/allOf/0', '/s/allOf/1']);
  });

  it('does not enter a schema again through a cycle', () => {
    const a: Record<string, unknown> = { type: 'object' };
    a.properties = { self: a, leaf: { type: 'string' } };
    const seen: string[] = [];
    walkSchema(a, '', (_s, ptr) => seen.push(ptr));
    expect(seen).toEqual(['', '/properties/leaf']);
  });
});

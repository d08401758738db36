import { describe, it, expect } from 'vitest';
import { parse } from 'yaml';
import { forEachRef } from './schema-walk.js';

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
    forEachRef(doc, (r) => refs.push(r), (m) => mappings.push(m));
    expect(refs.sort()).toEqual(['#/r/default', '#/s/default-property', '#/s/enum-property']);
    expect(mappings).toEqual([{ a: '#/s/A' }]);
  });
});

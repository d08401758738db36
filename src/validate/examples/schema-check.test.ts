import { describe, expect, it } from 'vitest';
import type { OasVersion, SourceFile } from '../types.js';
import { checkValue } from './schema-check.js';

const file: SourceFile = { path: '/a.yaml', display: 'a.yaml', data: {}, text: '', format: 'yaml' };
const defs: Record<string, unknown> = {
  Node: { type: 'object', properties: { next: { $ref: '#/Node' }, v: { type: 'integer' } } },
  Loop: { $ref: '#/Loop' },
  RO: { type: 'string', readOnly: true },
};
const check = (schema: unknown, value: unknown, version: OasVersion = '3.1', direction?: 'request' | 'response') =>
  checkValue(schema, file, value, { version, ...(direction ? { direction } : {}), resolve: (ref) => ({ schema: defs[ref.slice(2)], file }) });

describe('checkValue', () => {
  it.each<[string, unknown, unknown, OasVersion, string | undefined]>([
    ['type ok', { type: 'integer' }, 3, '3.1', undefined],
    ['type', { type: 'integer' }, 3.5, '3.1', 'must be an integer, not a number (3.5)'],
    ['type list', { type: ['string', 'null'] }, null, '3.1', undefined],
    ['3.0 nullable', { type: 'string', nullable: true }, null, '3.0', undefined],
    ['3.0 nullable false', { type: 'string' }, null, '3.0', 'must be a string, not null'],
    ['3.1 ignores nullable', { type: 'string', nullable: true }, null, '3.1', 'must be a string, not null'],
    ['enum', { enum: ['a', 'b'] }, 'c', '3.1', 'must be one of "a", "b", not "c"'],
    ['const', { const: 1 }, 2, '3.1', 'must be 1, not 2'],
    ['3.0 boolean exclusiveMinimum', { minimum: 0, exclusiveMinimum: true }, 0, '3.0', 'must be > 0, not 0'],
    ['3.1 numeric exclusiveMaximum', { exclusiveMaximum: 10 }, 10, '3.1', 'must be < 10, not 10'],
    ['multipleOf float', { multipleOf: 0.01 }, 0.07, '3.1', undefined],
    ['minLength counts code points', { minLength: 2 }, '😀', '3.1', 'must be at least 2 characters long, not 1'],
    ['pattern', { pattern: '^[a-z]+$' }, 'A', '3.1', '"A" does not match the pattern ^[a-z]+$'],
    ['invalid pattern is skipped', { pattern: '(?<' }, 'x', '3.1', undefined],
    ['required', { type: 'object', required: ['id'] }, {}, '3.1', 'is missing the required property `id`'],
    [
      'additionalProperties false',
      { properties: { a: {} }, additionalProperties: false },
      { a: 1, b: 2 },
      '3.1',
      'property `b` is not allowed (additionalProperties: false)',
    ],
    [
      'nested path',
      { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } } },
      [{ id: 'x' }, { id: 1 }],
      '3.1',
      'must be a string, not an integer (1)',
    ],
    ['prefixItems + items false', { prefixItems: [{ type: 'string' }], items: false }, ['a', 'b'], '3.1', 'no item is allowed at position 1'],
    ['oneOf exactly one', { oneOf: [{ type: 'integer' }, { type: 'number' }] }, 1, '3.1', 'matches 2 of the `oneOf` alternatives; it must match exactly one'],
    [
      'anyOf reports the closest branch',
      { anyOf: [{ type: 'string' }, { type: 'object', properties: { a: { type: 'integer' } } }] },
      { a: 'x' },
      '3.1',
      'must be an integer, not a string ("x")',
    ],
    ['not', { not: { type: 'string' } }, 'x', '3.1', 'must not match the `not` schema'],
    ['if/then', { if: { properties: { k: { const: 'a' } } }, then: { required: ['a'] } }, { k: 'a' }, '3.1', 'is missing the required property `a`'],
    ['recursive $ref', { $ref: '#/Node' }, { v: 1, next: { v: 2, next: { v: 'x' } } }, '3.1', 'must be an integer, not a string ("x")'],
    ['self-referencing $ref terminates', { $ref: '#/Loop' }, 1, '3.1', undefined],
    ['3.0 ignores $ref siblings', { $ref: '#/RO', maxLength: 1 }, 'long', '3.0', undefined],
    ['3.1 applies $ref siblings', { $ref: '#/RO', maxLength: 1 }, 'long', '3.1', 'must be at most 1 character long, not 4'],
    ['format is not checked', { type: 'string', format: 'email' }, 'nope', '3.1', undefined],
    ['uniqueItems', { uniqueItems: true }, [{ a: 1 }, { a: 1 }], '3.1', 'must not contain duplicates (items 0 and 1 are equal)'],
    ['false schema', false, 1, '3.1', 'no value is allowed here (the schema is `false`)'],
  ])('%s', (_name, schema, value, version, want) => {
    expect(check(schema, value, version)?.message).toBe(want);
  });

  it('readOnly properties are not required in requests, writeOnly ones not in responses', () => {
    const schema = { type: 'object', required: ['id', 'pw'], properties: { id: { $ref: '#/RO' }, pw: { type: 'string', writeOnly: true } } };
    expect(check(schema, { pw: 'x' }, '3.1', 'request')).toBeUndefined();
    expect(check(schema, { id: 'x' }, '3.1', 'response')).toBeUndefined();
    expect(check(schema, { id: 'x' }, '3.1', 'request')?.message).toBe('is missing the required property `pw`');
  });

  it('reports the path inside the value', () => {
    expect(check({ type: 'array', items: { properties: { id: { type: 'string' } } } }, [{ id: 'a' }, { id: 2 }])?.path).toEqual([1, 'id']);
  });
});

import { describe, expect, it } from 'vitest';
import { childPointer, escapeSegment, parsePointer, pointer, resolvePointer, unescapeSegment } from './pointer.js';

describe('JSON pointers (RFC 6901)', () => {
  it('escapes ~ and / and leaves other segments as they are', () => {
    expect(escapeSegment('plain')).toBe('plain');
    expect(escapeSegment(3)).toBe('3');
    expect(escapeSegment('/a~b/')).toBe('~1a~0b~1');
    expect(escapeSegment('~1')).toBe('~01');
    expect(unescapeSegment('~01')).toBe('~1');
    expect(unescapeSegment('~1a~0b~1')).toBe('/a~b/');
    expect(unescapeSegment('plain')).toBe('plain');
  });

  it('builds pointers segment by segment', () => {
    expect(pointer('paths', '/pets/{id}', 'get')).toBe('/paths/~1pets~1{id}/get');
    expect(childPointer('/components', 'schemas', 'a~b')).toBe('/components/schemas/a~0b');
    expect(childPointer('/x')).toBe('/x');
  });

  it('parses pointers and URI fragments, round-tripping what pointer() builds', () => {
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('#')).toEqual([]);
    expect(parsePointer('#/components/schemas/Pet')).toEqual(['components', 'schemas', 'Pet']);
    expect(parsePointer('/a//b')).toEqual(['a', '', 'b']);
    expect(parsePointer('#/components/schemas/My%20Pet')).toEqual(['components', 'schemas', 'My Pet']);
    expect(parsePointer('/bad%zz')).toEqual(['bad%zz']);
    // Percent-decoding comes first: %7E1 is a literal "~1" escape, which is "/".
    expect(parsePointer('/a%7E1b')).toEqual(['a/b']);
    const segs = ['paths', '/v1/{id}', 'a~b', '%41'];
    expect(parsePointer(pointer(...segs))).toEqual(['paths', '/v1/{id}', 'a~b', 'A']);
    expect(() => parsePointer('components')).toThrow(/Not a JSON pointer/);
  });

  it('resolves into objects and arrays, undefined when a segment is missing', () => {
    const doc = { a: { 'b/c': [10, 20] } };
    expect(resolvePointer(doc, '/a/b~1c/1')).toBe(20);
    expect(resolvePointer(doc, '/a/b~1c/2')).toBeUndefined();
    expect(resolvePointer(doc, '/a/missing')).toBeUndefined();
    expect(resolvePointer(doc, '/a/toString')).toBeUndefined();
  });
});

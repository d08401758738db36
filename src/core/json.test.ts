import { describe, expect, it } from 'vitest';
import { canonicalJson, cloneJson } from './json.js';

describe('cloneJson', () => {
  it('copies deeply: the copy shares no object with the original', () => {
    const shared = { a: [1, { b: 'c' }] };
    const doc = { x: shared, y: shared, n: null, t: true, s: 's', arr: [[1], [2]] };
    const copy = cloneJson(doc);
    expect(copy).toEqual(doc);
    expect(copy.x).not.toBe(doc.x);
    expect(copy.x.a[1]).not.toBe(doc.x.a[1]);
    expect(copy.arr[0]).not.toBe(doc.arr[0]);
    (copy.x.a[1] as { b: string }).b = 'changed';
    expect(doc.x.a[1]).toEqual({ b: 'c' });
  });

  it('keeps a __proto__ key as an own property without touching the prototype', () => {
    const doc = JSON.parse('{"__proto__": {"polluted": true}, "k": 1}') as Record<string, unknown>;
    const copy = cloneJson(doc);
    expect(Object.keys(copy)).toEqual(['__proto__', 'k']);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(canonicalJson(copy)).toBe(canonicalJson(doc));
  });
});

import { describe, expect, it } from 'vitest';
import { equal } from './equal.js';

const own = (entries: Record<string, unknown>): Record<string, unknown> => {
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entries)) Object.defineProperty(o, k, { value: v, enumerable: true });
  return o;
};

describe('equal (JSON values)', () => {
  it.each([
    [1, 1, true],
    [1, '1', false],
    [null, null, true],
    [null, {}, false],
    [[1, [2]], [1, [2]], true],
    [[1], { 0: 1 }, false],
    [{ a: 1, b: [1] }, { b: [1], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, false],
    [own({ toString: 'x' }), own({ toString: 'x' }), true],
    [own({ valueOf: 1 }), own({ valueOf: 2 }), false],
    [JSON.parse('{"__proto__": "a"}'), JSON.parse('{"__proto__": "a"}'), true],
    [JSON.parse('{"__proto__": "a"}'), {}, false],
  ])('%j vs %j', (a, b, want) => {
    expect(equal(a, b)).toBe(want);
    expect(equal(b, a)).toBe(want);
  });
});

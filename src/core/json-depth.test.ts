import { describe, expect, it } from 'vitest';
import { jsonDeeperThan } from './json-depth.js';

/** The depth of a parsed value, the way parseText's limit counts it (outermost container 1). */
function depthOf(v: unknown): number {
  if (v === null || typeof v !== 'object') return 0;
  const kids = Array.isArray(v) ? v : Object.values(v);
  return 1 + Math.max(0, ...kids.map(depthOf));
}

describe('jsonDeeperThan', () => {
  const cases = [
    '1',
    '"[[[["',
    '[]',
    '{"a":[{"b":{}}]}',
    '{"s":"\\"[{","t":["\\\\",[["x"]]]}',
    '{"k[":{"v{":"}}}]]]"},"w":[[],[[]],{}]}',
    JSON.stringify({ a: { b: { c: { d: [1, [2, [3, { e: 'f' }]]] } } }, z: ['\u2028', 'é', '\\'] }),
  ];
  it('agrees with the depth of the parsed value, brackets inside strings and escapes included', () => {
    for (const text of cases) {
      const d = depthOf(JSON.parse(text));
      expect(jsonDeeperThan(text, d), text).toBe(false);
      if (d > 0) expect(jsonDeeperThan(text, d - 1), text).toBe(true);
    }
  });
  it('steps over megabyte strings full of escapes without a regex stack overflow', () => {
    const text = `[{"a":"${'x\\"[{'.repeat(300_000)}"}, [[1]]]`;
    expect(depthOf(JSON.parse(text))).toBe(3);
    expect(jsonDeeperThan(text, 3)).toBe(false);
    expect(jsonDeeperThan(text, 2)).toBe(true);
  });
  it('refuses 10,000 levels at the default limit without recursion', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    expect(jsonDeeperThan(deep, 1000)).toBe(true);
    expect(jsonDeeperThan(deep, 10_000)).toBe(false);
  });
});

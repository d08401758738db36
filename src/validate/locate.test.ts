import { describe, expect, it } from 'vitest';
import { locatePointers } from '../core/positions.js';

const json = `{
  "a": {"b": [10, {"c\\u0041": true}]},
  "x~y/z": 1
}`;
const yaml = `a:
  b:
    - 10
    - cA: true
"x~y/z": 1
`;

describe('locatePointers', () => {
  const cases: Array<[string, string, { line: number; column: number }, { line: number; column: number }]> = [
    ['root', '', { line: 1, column: 1 }, { line: 1, column: 1 }],
    ['object member points at its key', '/a/b', { line: 2, column: 9 }, { line: 2, column: 3 }],
    ['array item', '/a/b/1', { line: 2, column: 19 }, { line: 4, column: 7 }],
    ['escaped key', '/a/b/1/cA', { line: 2, column: 20 }, { line: 4, column: 7 }],
    ['~0 and ~1 in a pointer', '/x~0y~1z', { line: 3, column: 3 }, { line: 5, column: 1 }],
    ['missing: deepest existing ancestor', '/a/b/1/nope', { line: 2, column: 19 }, { line: 4, column: 7 }],
  ];
  it.each(cases)('%s', (_name, ptr, wantJson, wantYaml) => {
    expect(locatePointers(json, 'json', [ptr]).get(ptr)).toEqual(wantJson);
    expect(locatePointers(yaml, 'yaml', [ptr]).get(ptr)).toEqual(wantYaml);
  });
});

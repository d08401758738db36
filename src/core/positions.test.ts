import { describe, it, expect } from 'vitest';
import { locatePointers } from './positions.js';

describe('locatePointers', () => {
  it('finds keys in JSON and in block YAML without the yaml package', () => {
    expect(locatePointers('{\n  "a": {\n    "b": 1\n  }\n}', 'json', ['/a/b']).get('/a/b')).toEqual({ line: 3, column: 5 });
    expect(locatePointers('a:\n  b: 1\n', 'yaml', ['/a/b']).get('/a/b')).toEqual({ line: 2, column: 3 });
  });

  it('skips JSON strings with escaped quotes and backslashes before the wanted key', () => {
    const text = '{"s": "say \\"hi\\" \\\\", "t": ["\\\\\\"]", {"u": "}"}],\n "k\\"ey": {"v": 2}}';
    expect(JSON.parse(text)).toEqual({ s: 'say "hi" \\', t: ['\\"]', { u: '}' }], 'k"ey': { v: 2 } });
    const found = locatePointers(text, 'json', ['/k"ey/v', '/t/1/u']);
    expect(found.get('/k"ey/v')).toEqual({ line: 2, column: 12 });
    expect(found.get('/t/1/u')).toEqual({ line: 1, column: 40 });
  });

  it('falls back to the yaml package for a path through an alias', () => {
    const text = 'defs:\n  a: &A\n    x: 1\nuse: *A\n';
    // /use/x exists only through the alias: it is located where the aliased node is.
    expect(locatePointers(text, 'yaml', ['/use/x']).get('/use/x')).toEqual({ line: 3, column: 5 });
  });
});

import { describe, it, expect } from 'vitest';
import { blockYamlOffsets, locatePointers, yamlOffsets } from './positions.js';

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

describe('blockYamlOffsets', () => {
  it('passes over nested blocks, blank and comment lines as the yaml package reads them', () => {
    const text = [
      '# a comment',
      'a:',
      '  b: 1',
      '',
      '  # inside',
      '  c:',
      '    - x: 1',
      '      y:',
      '        z: 2',
      '    -',
      '      w: 3',
      '  d: |',
      '    text',
      '      deeper',
      '    # not a comment',
      '  e: 4',
      'f:',
      '- 1',
      '- k: v',
      '  m: n',
      'g: end',
      '',
    ].join('\n');
    const pointers = ['/a/b', '/a/c/0/y/z', '/a/c/1/w', '/a/d', '/a/e', '/f/0', '/f/1/m', '/g'];
    expect(blockYamlOffsets(text, pointers)).toEqual(yamlOffsets(text, pointers));
  });

  it('ends a block at a document marker', () => {
    expect(locatePointers('a:\n  b:\n    c: 1\n...\n', 'yaml', ['/a/d']).get('/a/d')).toEqual({ line: 1, column: 1 });
    expect(locatePointers('a:\n  b: 1\n  c: 2\n', 'yaml', ['/a/c']).get('/a/c')).toEqual({ line: 3, column: 3 });
  });
});

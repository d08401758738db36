import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import { parseText } from './parse.js';
import { CORE_SCHEMA_FAST } from './yaml-schema.js';
import { readYamlSubset } from './yaml-subset.js';
import { parseSourceText } from '../validate/parse/parse-text.js';

/** JSON with what JSON.stringify loses: -0, NaN, ±Infinity, undefined. Key order counts. */
function exact(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => {
    if (typeof x === 'number' && (!Number.isFinite(x) || Object.is(x, -0))) return `#number ${Object.is(x, -0) ? '-0' : String(x)}`;
    if (x === undefined) return '#undefined';
    return x;
  });
}

function jsYaml(text: string): { data: unknown } | { error: string } {
  try {
    return { data: yaml.load(text, { schema: CORE_SCHEMA_FAST }) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** The subset reader's answer for text: js-yaml's data, or undefined (fall back). Never data where js-yaml fails. */
function agrees(text: string): 'subset' | 'fallback' {
  const got = readYamlSubset(text, 1000);
  if (got === undefined) return 'fallback';
  const want = jsYaml(text);
  expect(want, `js-yaml fails on text the subset reader read: ${JSON.stringify(text)}`).not.toHaveProperty('error');
  if ('data' in want) expect(exact(got.data), JSON.stringify(text)).toBe(exact(want.data));
  return 'subset';
}

describe('readYamlSubset reads what js-yaml reads (YAML 1.2 core schema)', () => {
  it.each<[string, string]>([
    ['keys that look like numbers, booleans and null', "200: a\n1.0: b\n0x1F: c\n1e3: d\n-0: e\n.inf: f\n~: g\nTrue: i\n0o17: j\n'007': k\n"],
    [
      'plain values of every core type',
      'a: ~\nb: null\nc: NULL\nd: true\ne: FALSE\nf: 0x1F\ng: 0o17\nh: 1e3\ni: -0\nj: .5\nk: +1\nl: 1_000\nm: 0b101\nn: yes\no: 3.1.0\np: 007\n',
    ],
    ['.inf and .nan', 'a: .inf\nb: -.Inf\nc: .nan\n'],
    ['dates stay strings', 'a: 2024-11-06\nb: 2001-12-14T21:59:43.10-05:00\nc: 12:30\n'],
    ['strings that need quotes', `a: 'true'\nb: '1.0'\nc: ''\nd: 'it''s'\ne: "null"\nf: '~'\ng: ': x'\nh: '- x'\ni: '#x'\n`],
    ['double-quoted escapes', 'a: "tab\\there"\nb: "q\\"uote\\\\ / \\/"\nc: "\\u00e9\\ud83d\\ude00\\u2028"\nd: "nl\\nx\\r\\b\\f"\n'],
    ['YAML-only escapes', 'a: "\\x41\\e\\N\\_\\L\\P\\0\\a\\v"\n'],
    ['unicode text', 'a: héllo wörld ✓ 😀\nb: 日本語\n"ключ": значение\n'],
    ['# inside values, and comments', 'a: x#y\nb: "#c"\nc: v # comment\n# full line\nd: [] # c\ne: | # c\n  text\nf: # c\n  g: 1\n'],
    ['keys with colons, quoted keys', "a:b: 1\nhttp://x: 2\n'a: b': 3\n\"c\\td\": 4\n'': 5\n"],
    ['trailing spaces', 'a: value   \nb: [] \nc: "q"  \nd:   \ne:\n'],
    ['empty collections and nulls', 'a: []\nb: {}\nc:\nd:\n  -\n  - []\n  - {}\n'],
    ['sequences: compact, nested, at the key indentation', 'a:\n- 1\n- x: 1\n  y: 2\n- - a\n  - b\n-\n  - deep\nb: 2\n'],
    ['sequence of mappings with quoted first keys', '- \'a\': 1\n  b: 2\n- "c": 3\n'],
    [
      'literal blocks with chomping',
      'a: |\n  line 1\n\n    indented\n  last\nb: |-\n  no newline\nc: |\n\n  leading blank\nd: |\n  trailing blanks\n\n\ne: |-\n  x\n   \n  y\n',
    ],
    ['literal block at the end without a newline', 'a: |\n  end'],
    ['literal blocks in sequences', '- |\n  one\n- |-\n  two\n- k: |\n    three\n'],
    ['a block line with # is content', 'a: |\n  # not a comment\n  x: y\n'],
    ['four-space indentation', 'a:\n    b:\n        c: 1\n    d: 2\n'],
    ['indented top level', '  a: 1\n  b: 2\n'],
    ['BOM', '\ufeffa: 1\n'],
    ['no final newline', 'a: 1'],
    ['very long line', `a: ${'x'.repeat(200_000)}\nb: '${'y '.repeat(50_000)}'\n`],
    ['a plain key with spaces', 'a b c: 1\n'],
    ['integer-like keys are ordered first, as in any object', 'b: 1\n2: 2\na: 3\n1: 4\n'],
    ['numbers', 'a: 12345678901234567890\nb: 1.7976931348623157e308\nc: 1e400\nd: -1.5e-7\ne: 0.1\n'],
  ])('%s', (name, text) => {
    // Read by the subset reader itself (not a fallback that would make the comparison empty).
    expect(agrees(text)).toBe(name === 'YAML-only escapes' ? 'fallback' : 'subset');
  });

  it.each<[string, string]>([
    ['\\r\\n line endings', 'a: 1\r\nb: 2\r\n'],
    ['tabs', 'a:\tx\n'],
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['tags', 'a: !!str 1\n'],
    ['flow collections with content', 'a: [1, 2]\nb: {c: 1}\n'],
    ['multi-line plain scalar', 'a: one\n  two\n'],
    ['multi-line quoted scalar', 'a: "one\n  two"\n'],
    ['folded block', 'a: >\n  x\n  y\n'],
    ['keep chomping', 'a: |+\n  x\n\n'],
    ['explicit indentation', 'a: |2\n   x\n'],
    ['explicit key', '? a\n: 1\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['document start', '---\na: 1\n'],
    ['directive', '%YAML 1.2\n---\na: 1\n'],
    ['top-level scalar', 'hello\n'],
    ['empty document', '# nothing\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['duplicate keys after resolution', '1: a\n1.0: b\n'],
    ['__proto__', '__proto__: 1\n'],
    ['non-printable', 'a: x\u0001y\n'],
    ['lone surrogate', 'a: x\ud800y\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a mapping value on the key line', 'a: b: c\n'],
    ['space before the colon', 'a : 1\n'],
    ['no space after the colon of a quoted key', '"a":1\n'],
  ])('falls back on %s', (_name, text) => {
    expect(readYamlSubset(text, 1000)).toBeUndefined();
    // And js-yaml (the fallback) is what callers get.
    const r = parseText(text, 'x.yaml');
    const want = jsYaml(text);
    if ('error' in want) expect(r.ok).toBe(false);
    else expect(r.ok && exact(r.value.data)).toBe(exact(want.data));
  });

  it('keeps the depth limit, with the same problem as before', () => {
    const deep = (n: number) => `${Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}k:`).join('\n')} 1\n`;
    expect(readYamlSubset(deep(1000), 1000)).toBeDefined();
    expect(readYamlSubset(deep(1001), 1000)).toBeUndefined();
    const core = parseText(deep(1001), 'deep.yaml');
    expect(!core.ok && core.problem.ruleId).toBe('too-deep');
    expect(parseText(deep(50), 'deep.yaml', { maxDepth: 49 })).toMatchObject({
      ok: false,
      problem: { ruleId: 'too-deep', message: 'nesting is deeper than 49 levels' },
    });
    expect(parseText(deep(49), 'deep.yaml', { maxDepth: 49 }).ok).toBe(true);
    const validate = parseSourceText(deep(1200));
    expect(!validate.ok && validate.problem.ruleId).toBe('too-deep');
    const seq = `${'- '.repeat(1200)}x\n`;
    expect(readYamlSubset(seq, 1000)).toBeUndefined();
    expect(parseSourceText(seq)).toMatchObject({ ok: false, problem: { ruleId: 'too-deep' } });
  });

  it('empty collections count toward the depth', () => {
    const nested = (n: number) => `${Array.from({ length: n - 1 }, (_, i) => `${'  '.repeat(i)}k:`).join('\n')} []\n`;
    expect(readYamlSubset(nested(10), 10)).toBeDefined();
    expect(readYamlSubset(nested(11), 10)).toBeUndefined();
  });
});

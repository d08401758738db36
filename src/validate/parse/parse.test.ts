import { describe, expect, it } from 'vitest';
import { parse as parseWithYamlPackage } from 'yaml';
import { decodeBytes, firstInvalidUtf8 } from './decode.js';
import { checkAliases, checkDepth } from './limits.js';
import { parseSourceText } from './parse-text.js';
import { resolvePlainScalar } from '../../core/yaml-schema.js';

describe('YAML 1.2 core scalars (js-yaml with the fast schema) agree with the `yaml` package', () => {
  const scalars = [
    '~',
    'null',
    'Null',
    'NULL',
    'nul',
    'true',
    'True',
    'TRUE',
    'tRue',
    'false',
    'FALSE',
    'yes',
    'no',
    'on',
    'off',
    'y',
    'n',
    '0',
    '-0',
    '+1',
    '42',
    '007',
    '1_000',
    '0o17',
    '0x1F',
    '0b101',
    '0xZZ',
    '1.5',
    '.5',
    '-.5',
    '1.',
    '1e3',
    '1E-3',
    '+1.5e+3',
    '.inf',
    '-.Inf',
    '+.INF',
    '.nan',
    '.NaN',
    '1.0.0',
    '3.1.0',
    '2024-01-01',
    '2001-12-14t21:59:43.10-05:00',
    '12:30',
    '1:20:00',
    '+',
    '.',
    'e3',
    '0x',
    'Infinity',
    'NaN',
    '0.1.2',
    '1,000',
    '~x',
    'true1',
    'nulls',
  ];
  it.each(scalars)('%s', (s) => {
    const mine = parseSourceText(`v: ${s}\n`);
    expect(mine.ok).toBe(true);
    const want = (parseWithYamlPackage(`v: ${s}\n`) as { v: unknown }).v;
    expect(mine.ok && (mine.data as { v: unknown }).v).toEqual(want);
  });

  it('exposes plain-scalar resolution', () => {
    expect(resolvePlainScalar('3.1.0')).toBeUndefined();
    expect(resolvePlainScalar('0x10')).toEqual({ value: 16 });
  });

  it('no dates and no merge keys (YAML 1.2, like the `yaml` package)', () => {
    const r = parseSourceText('a: 2024-01-01\nb: &x {k: 1}\nc: {<<: *x}\n');
    expect(r.ok && r.data).toEqual({ a: '2024-01-01', b: { k: 1 }, c: { '<<': { k: 1 } } });
  });
});

describe('parseSourceText', () => {
  it.each<[string, string, { strictJson?: boolean }, Record<string, unknown>]>([
    ['empty', '  \n\n', {}, { ruleId: 'empty-file', message: 'file is empty', line: 1, column: 1 }],
    ['only comments', '# nothing\n', {}, { ruleId: 'empty-file', line: 1 }],
    ['bad YAML, with position', 'a: [1, 2\nb: 3\n', {}, { ruleId: 'parse-error', line: 2 }],
    ['duplicate keys', 'a: 1\na: 2\n', {}, { ruleId: 'parse-error', message: 'invalid YAML: duplicated mapping key', line: 2, column: 1 }],
    ['two documents', 'a: 1\n---\nb: 2\n', {}, { ruleId: 'parse-error', message: expect.stringMatching(/more than one YAML document/) as unknown as string }],
    [
      'bad JSON in a .json file',
      '{"a": 1,}',
      { strictJson: true },
      { ruleId: 'parse-error', message: expect.stringMatching(/^invalid JSON: /) as unknown as string, line: 1 },
    ],
    ['truncated JSON', '{\n  "a": {"b": 1\n', { strictJson: true }, { ruleId: 'parse-error', line: 3 }],
  ])('%s', (_name, text, options, want) => {
    const r = parseSourceText(text, options);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatchObject(want);
  });

  it('JSON-looking text that is YAML flow style is accepted outside .json files', () => {
    const r = parseSourceText("{a: 1, 'b': [x,]}");
    expect(r.ok && r.data).toEqual({ a: 1, b: ['x'] });
  });

  it('10,000-deep JSON: a too-deep problem with the path to where it passes the limit', () => {
    const r = parseSourceText('{"x": ' + '['.repeat(10_000) + ']'.repeat(10_000) + '}');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.ruleId).toBe('too-deep');
      expect(r.problem.pointer?.length).toBe(1001);
    }
  });

  it('10,000-deep YAML flow collections: too-deep at a line and column, no stack overflow escapes', () => {
    const r = parseSourceText('a: 1\nx: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatchObject({ ruleId: 'too-deep', line: 2, column: 1004 });
  });

  it('a billion-laughs alias bomb is refused quickly, at the first alias', () => {
    const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 9; i++) {
      const p = String.fromCharCode(96 + i);
      const c = String.fromCharCode(97 + i);
      levels.push(`${c}: &${c} [${Array(9).fill(`*${p}`).join(', ')}]`);
    }
    const started = performance.now();
    const r = parseSourceText(levels.join('\n') + '\n');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatchObject({ ruleId: 'yaml-alias-bomb', line: 2, column: 8 });
  });

  it('ordinary anchors and aliases are fine', () => {
    const r = parseSourceText('a: &x {type: string}\nb: *x\nc: [*x, *x]\n');
    expect(r.ok && r.data).toEqual({ a: { type: 'string' }, b: { type: 'string' }, c: [{ type: 'string' }, { type: 'string' }] });
  });
});

describe('limits', () => {
  it('checkDepth and checkAliases', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 1100; i++) deep = [deep];
    expect(checkDepth(deep)?.kind).toBe('too-deep');
    expect(checkDepth({ a: [[1]] })).toBeUndefined();
    const shared = { x: 1 };
    expect(checkAliases({ a: shared, b: shared, c: [shared, shared] })).toBeUndefined();
  });
});

describe('decodeBytes', () => {
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
  it('valid UTF-8', () => expect(decodeBytes(enc('a: é\n'))).toEqual({ ok: true, text: 'a: é\n' }));
  it('BOM', () => expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toMatchObject({ ok: false, ruleId: 'bom', line: 1, column: 1 }));
  it('invalid UTF-8: line and column of the first bad byte', () => {
    const bytes = Uint8Array.from([...enc('a: 1\nb: é'), 0xff, 0x0a]);
    expect(decodeBytes(bytes)).toMatchObject({ ok: false, ruleId: 'invalid-utf8', line: 2, column: 5 });
  });
  it('too large', () => expect(decodeBytes(new Uint8Array(11), 10)).toMatchObject({ ok: false, ruleId: 'file-too-large' }));
  it.each([
    [[0xc0, 0x80], 0], // overlong
    [[0xed, 0xa0, 0x80], 0], // surrogate
    [[0xf4, 0x90, 0x80, 0x80], 0], // > U+10FFFF
    [[0x61, 0xe2, 0x82], 1], // truncated
    [[0x61, 0xe2, 0x82, 0xac], 4], // valid: €
  ])('firstInvalidUtf8 %j', (bytes, at) => expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(at));
});

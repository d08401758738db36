import { describe, it, expect } from 'vitest';
import { load, CORE_SCHEMA } from 'js-yaml';
import { parse } from 'yaml';
import { toIndexJson, toYaml } from './serialize.js';

/** Every reader the outputs meet: the hub (js-yaml core), redocly/swagger-parser (js-yaml default), `yaml`. */
const readers: Array<[string, (text: string) => unknown]> = [
  ['js-yaml core', (t) => load(t, { schema: CORE_SCHEMA })],
  ['js-yaml default', (t) => load(t)],
  ['yaml 1.2', (t) => parse(t)],
  ['yaml 1.1', (t) => parse(t, { version: '1.1' })],
];

const TRICKY = [
  '',
  ' ',
  'a',
  'true',
  'True',
  'yes',
  'No',
  'on',
  'null',
  'Null',
  '~',
  '=',
  '<<',
  '3.1.0',
  '200',
  '0x1F',
  '1_000',
  '1e3',
  '.5',
  '.inf',
  '-1',
  '2024-01-01',
  '2024-01-01T00:00:00Z',
  '12:30',
  '- item',
  '? x',
  ': y',
  'a: b',
  'a #b',
  '#x',
  '&a',
  '*a',
  '!tag',
  '%x',
  '@x',
  '`x',
  '|',
  '>',
  '[a]',
  '{a}',
  'a,b',
  "it's",
  '"q"',
  'trailing ',
  ' leading',
  'x:y',
  'https://a.example/c?d=1&e=2#f',
  'a#b',
  'a #b',
  'ends:',
  'a:\tb',
  '50%',
  '~x',
  'key?',
  'mailto:x@y.z',
  '/pets/{petId}',
  'a[0]',
  'x{',
  'a}b]',
  'tab\there',
  'back\\slash',
  '#/components/schemas/A',
  '/v1/chat/completions',
  'application/json',
  'x-fal-order-properties',
  'line1\nline2',
  'line1\nline2\n',
  'line1\n\nline2\n\n',
  '\n        The negative prompt.\n        ',
  '\nleading newline',
  '  indented\nsecond',
  'a\n  more indented\nb',
  'ws only line\n   \nend',
  'crlf\r\nline',
  'unicode ✓ é 漢字',
  'emoji 🍌',
  'nel\u0085x',
  'ls\u2028x',
  'bom\ufeffx',
  'ctrl\u0001x',
  'a\n---\nb',
  'a\n...\nb',
  '\n',
  '\n\n',
];

describe('toYaml', () => {
  it.each(readers)('round-trips tricky strings as keys and values (%s)', (_name, read) => {
    const doc = { values: TRICKY, map: Object.fromEntries(TRICKY.map((s, i) => [s, i])), nested: [{ a: TRICKY }, [TRICKY[0], [1, 2]], {}, []] };
    expect(read(toYaml(doc))).toEqual(doc);
  });

  it.each(readers)('round-trips numbers, booleans, null and empty collections (%s)', (_name, read) => {
    const doc = { n: [0, -1, 1.5, 1e21, 12345678901234, -0.25], b: [true, false], z: null, e: {}, a: [], deep: { x: { y: [{ z: [[]] }] } } };
    expect(read(toYaml(doc))).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it('writes readable YAML: plain keys, literal blocks, no anchors', () => {
    const shared = { type: 'string' };
    const text = toYaml({ openapi: '3.1.0', paths: { '/a': { get: { description: 'one\ntwo\n', tags: ['x', 'z'] } } }, s: [shared, shared] });
    expect(text).toBe(
      "openapi: '3.1.0'\npaths:\n  /a:\n    get:\n      description: |\n        one\n        two\n      tags:\n        - x\n        - z\ns:\n  - type: string\n  - type: string\n",
    );
  });

  it('round-trips random documents (js-yaml core and yaml)', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const chars = 'ab :#-\n\t\'"\\ {}[],&*!|>%@`?=~.0129éx';
    const str = () => Array.from({ length: Math.floor(rnd() * 12) }, () => chars[Math.floor(rnd() * chars.length)]).join('');
    const value = (depth: number): unknown => {
      const r = rnd();
      if (depth > 3 || r < 0.4) return r < 0.3 ? str() : r < 0.35 ? Math.floor(rnd() * 1000) - 500 : r < 0.38 ? rnd() > 0.5 : null;
      if (r < 0.7) return Array.from({ length: Math.floor(rnd() * 4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(rnd() * 4) }, () => [str(), value(depth + 1)]));
    };
    for (let i = 0; i < 300; i++) {
      const doc = { v: value(0) };
      const text = toYaml(doc);
      expect(load(text, { schema: CORE_SCHEMA })).toEqual(doc);
      expect(parse(text)).toEqual(doc);
    }
  });
});

describe('toIndexJson', () => {
  const doc = {
    openapi: '3.1.0',
    info: { title: 'é "q"', version: '1' },
    paths: { '/a': { get: { responses: { 200: { description: 'ok' } } } } },
    list: [1, null, 'x'],
  };
  it('given the document’s JSON text already made (the build’s hand-off), writes the same bytes', () => {
    const sha = 'a'.repeat(64);
    const whole = toIndexJson(doc, sha);
    expect(toIndexJson(doc, sha, undefined, JSON.stringify(doc))).toBe(whole);
    expect(JSON.parse(whole)).toEqual({ source: { file: 'specs/openapi.yaml', sha256: sha }, document: doc });
  });
});

import { describe, it, expect } from 'vitest';
import { parseText } from './parse.js';

const bomb = [
  'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
  ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
].join('\n');

describe('parseText', () => {
  it.each([
    ['JSON', '{"openapi": "3.1.0"}', 'json'],
    ['YAML', 'openapi: 3.1.0\n', 'yaml'],
    ['flow YAML that is not JSON', '{openapi: 3.1.0}', 'yaml'],
  ])('parses %s (no extension: sniffed)', (_n, text, format) => {
    const r = parseText(text, 'f');
    expect(r.ok && r.value.format).toBe(format);
  });

  it.each([
    ['empty', '  \n', 'empty-file', 1],
    ['broken JSON', '{"a": 1,\n "b": }', 'parse-error', 2],
    ['broken YAML', 'a: 1\nb: [1, 2\nc: 3\n', 'parse-error', 3],
    ['duplicate YAML key', 'a: 1\na: 2\n', 'parse-error', 2],
    ['alias bomb', bomb, 'yaml-alias-bomb', undefined],
  ])('refuses %s with a located problem', (_n, text, ruleId, line) => {
    const r = parseText(text, ruleId === 'parse-error' && text.startsWith('{') ? 'spec.json' : 'spec.yaml', { maxExpandedNodes: 1_000_000 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.ruleId).toBe(ruleId);
      expect(r.problem.file).toMatch(/^spec\.(json|yaml)$/);
      if (line !== undefined) expect(r.problem.line).toBe(line);
    }
  });

  it('refuses 10,000-deep nesting without overflowing the stack', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const r = parseText(deep, 'deep.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.ruleId).toBe('too-deep');
  });

  it('refuses input over the size limit before parsing it', () => {
    const r = parseText('x'.repeat(2048), 'big.yaml', { maxBytes: 1024 });
    expect(!r.ok && r.problem.ruleId).toBe('file-too-large');
  });

  it('accepts a document that shares a node through many aliases below the limit', () => {
    const r = parseText('a: &a {x: 1}\nb: [*a, *a, *a]\n', 'ok.yaml');
    expect(r.ok).toBe(true);
  });
});

describe('parseText reads YAML as JSON data (YAML 1.2 core schema)', () => {
  it('keeps dates and version-like values as strings', () => {
    const r = parseText('version: 2024-11-06\nwhen: 2024-11-06T00:00:00Z\nn: 1.10\n', 'a.yaml');
    expect(r.ok && r.value.data).toEqual({ version: '2024-11-06', when: '2024-11-06T00:00:00Z', n: 1.1 });
  });

  it('reads plain scalars as validate does: YAML 1.1 numbers (1_000, 0b101, 017 octal) and yes/no stay strings', () => {
    const r = parseText('a: 1_000\nb: 0b101\nc: 0o17\nd: 0x1F\ne: yes\nf: .inf\ng: ~\nh: True\ni: 1e3\n', 'a.yaml');
    expect(r.ok && r.value.data).toEqual({ a: '1_000', b: '0b101', c: 15, d: 31, e: 'yes', f: Infinity, g: null, h: true, i: 1000 });
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { CORE_SCHEMA_FAST } from '../src/core/yaml-schema.js';
import { readYamlSubset } from '../src/core/yaml-subset.js';
import { toYaml } from '../src/normalize/serialize.js';
import { seededRandom } from './helpers/random.js';

/**
 * Differential test of the subset reader (core/yaml-subset.ts) against js-yaml:
 * on every YAML file of ../shared/corpus, the fixtures and specs/, and on
 * seeded fuzz written by the build's own writer (normalize/serialize.ts), with
 * mutations that leave the subset. Whatever the subset reader returns must be
 * exactly js-yaml's result (values, -0/NaN/Infinity, key order); otherwise it
 * falls back.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = join(root, '..', 'shared', 'corpus');

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .filter((p) => !p.includes('node_modules'))
    .sort();
}

type Verdict = 'subset' | 'fallback';

/** JSON with what JSON.stringify loses: -0, NaN, ±Infinity, undefined. Key order counts. */
function exact(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => {
    if (typeof x === 'number' && (!Number.isFinite(x) || Object.is(x, -0))) return `#number ${Object.is(x, -0) ? '-0' : String(x)}`;
    if (x === undefined) return '#undefined';
    return x;
  });
}

function compare(text: string, where: string): Verdict {
  const got = readYamlSubset(text, 1000);
  if (got === undefined) return 'fallback';
  let want: unknown;
  try {
    want = yaml.load(text, { schema: CORE_SCHEMA_FAST });
  } catch (err) {
    throw new Error(`${where}: the subset reader read a document js-yaml refuses (${(err as Error).message.split('\n')[0]})`);
  }
  const a = exact(got.data);
  const b = exact(want);
  if (a !== b) throw new Error(`${where}: the subset reader and js-yaml differ`);
  return 'subset';
}

function checkFiles(files: string[]): Record<Verdict, number> {
  const count = { subset: 0, fallback: 0 };
  for (const f of files) count[compare(readFileSync(f, 'utf8'), f)]++;
  return count;
}

describe('the subset reader on real files', () => {
  it('specs/ and the test fixtures; specs/openapi.yaml is read by the subset reader', () => {
    const files = [...yamlFiles(join(root, 'specs')), ...yamlFiles(join(root, 'tests', 'fixtures'))];
    expect(files.length).toBeGreaterThan(100);
    const count = checkFiles(files);
    expect(count.subset).toBeGreaterThan(100);
    expect(compare(readFileSync(join(root, 'specs', 'openapi.yaml'), 'utf8'), 'specs/openapi.yaml')).toBe('subset');
  });

  it.skipIf(!existsSync(corpus))('every YAML file of ../shared/corpus', () => {
    const files = yamlFiles(corpus);
    expect(files.length).toBeGreaterThan(1000);
    const count = checkFiles(files);
    expect(count.subset).toBeGreaterThan(1000);
  });
});

/** Pieces that make YAML writers and readers disagree. */
const WORDS = [
  'a',
  'type',
  'x-y',
  'null',
  'Null',
  '~',
  'true',
  'False',
  'yes',
  'no',
  'on',
  '0',
  '-0',
  '007',
  '1.0',
  '1e3',
  '0x1F',
  '0o17',
  '.inf',
  '-.Inf',
  '.nan',
  '1_000',
  '2024-11-06',
  '3.1.0',
  ':',
  ': ',
  ' #',
  '#',
  '-',
  '- ',
  '? ',
  '|',
  '>',
  '&a',
  '*a',
  '!t',
  '%',
  '@',
  '`',
  '[',
  ']',
  '{',
  '}',
  ',',
  "'",
  '"',
  '\\',
  '\\n',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\t',
  'é',
  '日本',
  '😀',
  '\u2028',
  '\u0085',
  '\ufeff',
  '---',
  '...',
  '<<',
  '=',
  'http://x.y/z?q=1#f',
  '$ref',
  '__proto__x',
];

function randomString(r: () => number): string {
  const n = Math.floor(r() * 5);
  let s = '';
  for (let i = 0; i < n; i++) s += WORDS[Math.floor(r() * WORDS.length)];
  return s;
}

function randomValue(r: () => number, depth: number): unknown {
  const k = r();
  if (depth > 5 || k < 0.45) {
    const s = r();
    if (s < 0.6) return randomString(r);
    if (s < 0.75) return Math.round((r() - 0.5) * 1e6) / (r() < 0.5 ? 1 : 1000);
    if (s < 0.85) return r() < 0.5;
    if (s < 0.9) return r() < 0.5 ? 0 : -0;
    return null;
  }
  const n = Math.floor(r() * 5);
  if (k < 0.7) return Array.from({ length: n }, () => randomValue(r, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    const key = randomString(r);
    if (key !== '__proto__') o[key] = randomValue(r, depth + 1);
  }
  return o;
}

function mutate(text: string, r: () => number): string {
  const lines = text.split('\n');
  const i = Math.floor(r() * lines.length);
  const line = lines[i] ?? '';
  const at = Math.floor(r() * (line.length + 1));
  switch (Math.floor(r() * 6)) {
    case 0:
      lines[i] = line.slice(0, at) + WORDS[Math.floor(r() * WORDS.length)] + line.slice(at);
      break;
    case 1:
      lines[i] = line.slice(0, at) + line.slice(at + 1 + Math.floor(r() * 3));
      break;
    case 2:
      lines.splice(i, 0, line);
      break;
    case 3:
      lines[i] = (r() < 0.5 ? ' ' : '') + line.replace(/^ /, r() < 0.5 ? '' : ' ');
      break;
    case 4:
      lines.splice(i, 1);
      break;
    default:
      lines[i] = `${line}${r() < 0.5 ? ' # c' : ':'}`;
  }
  return lines.join('\n');
}

describe('the subset reader on fuzz written by the build (normalize/serialize.ts toYaml)', () => {
  it('reads every written document exactly as js-yaml does', () => {
    const r = seededRandom(14);
    let subset = 0;
    for (let n = 0; n < 3000; n++) {
      const value = { root: randomValue(r, 0) };
      const text = toYaml(value);
      if (compare(text, `fuzz #${n}: ${JSON.stringify(text)}`) === 'subset') subset++;
    }
    // The writer's own output stays in the subset, except for what js-yaml itself refuses or reads
    // with YAML-only constructs (none expected from these words).
    expect(subset).toBe(3000);
  });

  it('on mutations that may leave the subset: the same result as js-yaml, or a fallback', () => {
    const r = seededRandom(1414);
    const seen: Record<Verdict, number> = { subset: 0, fallback: 0 };
    for (let n = 0; n < 4000; n++) {
      let text = toYaml({ root: randomValue(r, 0), other: randomValue(r, 0) });
      const times = 1 + Math.floor(r() * 3);
      for (let m = 0; m < times; m++) text = mutate(text, r);
      seen[compare(text, `mutation #${n}: ${JSON.stringify(text)}`)]++;
    }
    // Both paths are exercised.
    expect(seen.subset).toBeGreaterThan(500);
    expect(seen.fallback).toBeGreaterThan(500);
  });
});

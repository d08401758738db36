import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { createConfig } from './config/load-config.js';
import type { FileReader } from './io.js';
import { validateFiles } from './validate-files.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const F = join(root, 'tests/fixtures/validate/valid');
const KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/**
 * The same description with every Object.prototype name added as a key at every object
 * (an object, a string, and a list), and used as strings in `required`, `enum`, tags and
 * security requirements: data everywhere, never a crash (parse, walk, every rule, positions).
 */
function poison(value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) return value.map((v) => poison(v, depth + 1));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    Object.defineProperty(out, k, { value: poison(v, depth + 1), enumerable: true, writable: true, configurable: true });
  if (depth < 12) {
    KEYS.forEach((k, i) => {
      const v = i % 3 === 0 ? { [k]: 'x', description: k } : i % 3 === 1 ? k : [k];
      Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    });
  }
  for (const list of ['required', 'enum', 'tags']) if (Array.isArray(out[list])) (out[list] as unknown[]).push(...KEYS);
  return out;
}

describe('prototype names as keys are plain data', () => {
  it.each(['1forge-2.0.yaml', 'xkcd-3.0.yaml', 'paypal-catalogs-3.0.json', 'train-travel-3.1.json', 'minimal-3.2.yaml'])(
    '%s, with every rule on',
    async (file) => {
      const data = poison(yaml.load(readFileSync(join(F, file), 'utf8')));
      const json = JSON.stringify(data);
      expect(json).toContain('"__proto__":');
      // The YAML form too (block style: positions are looked up in it).
      const texts: Record<string, string> = { '/p/doc.json': json, '/p/doc.yaml': yaml.dump(data, { noRefs: true }) };
      const reader: FileReader = {
        read: async (path) => {
          const t = texts[path];
          if (t === undefined) throw Object.assign(new Error('not found'), { code: 'ENOENT' });
          return t;
        },
      };
      const { config } = createConfig({ extends: ['all'] }, { dir: '/p' });
      const r = await validateFiles(['doc.json', 'doc.yaml'], { root: '/p', reader, config, parallel: false });
      expect(r.fatal).toBe(false);
      expect(r.problems.length).toBeGreaterThan(0);
      for (const p of r.problems) {
        expect(p.line).toBeGreaterThanOrEqual(1);
        expect(typeof p.message).toBe('string');
      }
      // Reported as keys that are not allowed, like any other unknown key.
      expect(r.problems.some((p) => (p.pointer ?? '').endsWith('/__proto__') && p.ruleId === 'struct')).toBe(true);
    },
  );
});

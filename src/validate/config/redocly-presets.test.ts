import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OasVersion } from '../types.js';
import { REDOCLY_RULE_NAMES, redoclySetting, type RedoclyPreset } from './redocly-presets.js';

type Block = Record<string, unknown>;

/**
 * Redocly CLI's presets, read from its installed bundle (a devDependency): the object
 * literals the bundle names `recommended`, `recommended-strict`, `minimal`, `all`, `spec`.
 */
function installedPresets(): Record<RedoclyPreset, Record<string, Block>> | undefined {
  let dir: string;
  try {
    dir = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'lib', 'chunks');
  } catch {
    return undefined;
  }
  if (!existsSync(dir)) return undefined;
  for (const f of readdirSync(dir)) {
    const src = readFileSync(join(dir, f), 'utf8');
    const m = /recommended:(\w+),"recommended-strict":(\w+),minimal:(\w+),all:(\w+),spec:(\w+)/.exec(src);
    if (!m) continue;
    const literal = (alias: string): Record<string, Block> => {
      const name = new RegExp(`[,; ]${alias.replace('$', '\\$')}=([A-Za-z0-9_$]+)[;,]`).exec(src)?.[1] ?? alias;
      const start = src.indexOf('{', src.search(new RegExp(`(var |,)${name.replace('$', '\\$')}=\\{`)));
      let depth = 0;
      let j = start;
      for (; j < src.length; j++) {
        const c = src[j];
        if (c === '"') while (src[++j] !== '"') if (src[j] === '\\') j++;
        if (c === '{') depth++;
        else if (c === '}' && --depth === 0) break;
      }
      // A plain object literal of strings, `!0`/`!1` booleans and nested literals: JSON after quoting the keys.
      const json = src
        .slice(start, j + 1)
        .replace(/!0/g, 'true')
        .replace(/!1/g, 'false')
        .replace(/([{,])([A-Za-z_$][\w$]*):/g, '$1"$2":');
      return JSON.parse(json) as Record<string, Block>;
    };
    return { recommended: literal(m[1]!), 'recommended-strict': literal(m[2]!), minimal: literal(m[3]!), all: literal(m[4]!), spec: literal(m[5]!) };
  }
  return undefined;
}

const BLOCKS: Record<OasVersion, string> = { '2.0': 'oas2Rules', '3.0': 'oas3_0Rules', '3.1': 'oas3_1Rules', '3.2': 'oas3_2Rules' };
const severity = (v: unknown): unknown => (v !== null && typeof v === 'object' ? (v as { severity?: unknown }).severity : v);

describe("Redocly's presets", () => {
  const presets = installedPresets();
  it.skipIf(presets === undefined)('match the installed @redocly/cli, rule by rule, version by version', () => {
    let compared = 0;
    for (const [preset, config] of Object.entries(presets!) as Array<[RedoclyPreset, Record<string, Block>]>) {
      for (const [version, block] of Object.entries(BLOCKS) as Array<[OasVersion, string]>) {
        const theirs = { ...config.rules, ...config[block] };
        for (const [rule, value] of Object.entries(theirs)) {
          expect(redoclySetting(preset, rule, version), `${preset} ${block} ${rule}`).toBe(severity(value));
          compared++;
        }
        for (const rule of REDOCLY_RULE_NAMES)
          if (!(rule in theirs)) expect(redoclySetting(preset, rule, version), `${preset} ${block} ${rule}`).toBe(undefined);
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
  it('recommended-strict is recommended with warnings as errors; struct is on everywhere', () => {
    expect(redoclySetting('recommended', 'operation-2xx-response', '3.1')).toBe('warn');
    expect(redoclySetting('recommended-strict', 'operation-2xx-response', '3.1')).toBe('error');
    expect(redoclySetting('minimal', 'struct', '2.0')).toBe('error');
    expect(redoclySetting('recommended', 'no-such-rule', '3.0')).toBe(undefined);
    expect(redoclySetting('recommended', 'nullable-type-sibling', '3.1')).toBe(undefined);
  });
});

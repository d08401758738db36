// `.env.example` lists every variable: each environment variable the sources read (process.env.X,
// ctx.env.X, or a name looked up by string) is named in it, so a user can find every knob in one place.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder } from './helpers/files.js';
import { projectRoot } from './helpers/cli.js';

/** Set by CI systems and terminals, not by api-hub's users for api-hub. */
const NOT_OURS = new Set(['CI', 'NO_COLOR', 'HOME', 'PATH']);

function variablesRead(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of filesUnder(join(projectRoot, 'src'))) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\benv\.([A-Z][A-Z0-9_]+)|['"`]((?:API_HUB|FAL|COMET|APIDOG|OPENAI)_[A-Z0-9_]+)['"`]/g)) {
      const name = m[1] ?? m[2]!;
      if (!NOT_OURS.has(name) && !found.has(name)) found.set(name, file.slice(projectRoot.length + 1));
    }
  }
  return found;
}

describe('.env.example', () => {
  it('names every environment variable the sources read', () => {
    const example = readFileSync(join(projectRoot, '.env.example'), 'utf8');
    const read = variablesRead();
    expect(read.size).toBeGreaterThan(10);
    const missing = [...read].filter(([name]) => !new RegExp(`^#?\\s*${name}=`, 'm').test(example)).map(([name, file]) => `${name} (read in ${file})`);
    expect(missing).toEqual([]);
  });
});

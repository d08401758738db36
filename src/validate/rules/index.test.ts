import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rules } from './index.js';

const here = dirname(fileURLToPath(import.meta.url));

describe('the rule registry', () => {
  const readme = readFileSync(join(here, 'README.md'), 'utf8');
  it.each(Object.values(rules).map((r) => [r.id, r] as const))('%s: in the README table, with its test beside it', (id, rule) => {
    expect(readme).toContain(`| ${id} | `);
    expect(rule.description.length).toBeGreaterThan(10);
    expect(existsSync(join(here, `${id}.test.ts`)) || ['no-remote-refs', 'no-unresolved-refs', 'ref-not-allowed', 'ref-outside-root'].includes(id)).toBe(true);
  });
});

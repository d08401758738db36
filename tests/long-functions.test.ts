import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './helpers/cli.js';

/** A function whose first and last lines are `n` lines apart, both included. */
const body = (n: number) => Array.from({ length: n - 2 }, (_, i) => `  const v${i} = ${i};`).join('\n');

const SOURCE = [
  `export function longDeclaration(): void {\n${body(6)}\n}`,
  `function shortDeclaration(): void {\n${body(5)}\n}`,
  `const longArrow = (): void => {\n${body(7)}\n};`,
  `export const longExpression = function (): void {\n${body(6)}\n};`,
  `class Holder {\n  longMethod(): void {\n${body(6)}\n  }\n  longProperty = (): void => {\n${body(6)}\n  };\n}`,
  `const table = {\n  longInObject(): void {\n${body(6)}\n  },\n};`,
  // A callback passed as an argument is part of its caller, not a function of its own.
  `[1].forEach(() => {\n${body(9)}\n});`,
  'void longArrow; void table; void Holder; void shortDeclaration;',
].join('\n');

/** The script on a sample file: its exit code, and each row as `length name` (plus ` allowed`). */
function run(args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'api-hub-long-functions-'));
  const file = join(dir, 'sample.ts');
  writeFileSync(file, SOURCE);
  const r = spawnSync(process.execPath, [join(projectRoot, 'scripts/long-functions.mjs'), ...args, file], { encoding: 'utf8' });
  const rows = r.stdout
    .split('\n')
    .filter((l) => l.includes('sample.ts:'))
    .map((l) => {
      const [length, , name, allowed] = l.trim().split(/\s+/);
      return [length, name, ...(allowed ? ['allowed'] : [])].join(' ');
    });
  return { status: r.status, rows, stderr: r.stderr };
}

describe('scripts/long-functions.mjs', () => {
  const cases: Array<[string, { args: string[]; status: number; rows: string[] }]> = [
    [
      'over 5 lines: declarations, arrows and expressions assigned to a name, methods, property arrows; not callbacks; longest first, then by line',
      {
        args: ['--max', '5'],
        status: 1,
        rows: ['7 longArrow', '6 longDeclaration', '6 longExpression', '6 Holder.longMethod', '6 Holder.longProperty', '6 longInObject'],
      },
    ],
    ['over 6 lines: only the 7-line arrow', { args: ['--max', '6'], status: 1, rows: ['7 longArrow'] }],
    ['every long one allowed: exit 0', { args: ['--max', '6', '--allow', 'longArrow'], status: 0, rows: ['7 longArrow allowed'] }],
    ['nothing over the limit: exit 0', { args: ['--max', '80'], status: 0, rows: [] }],
  ];
  it.each(cases)('%s', (_name, { args, status, rows }) => {
    const r = run(args);
    expect(r.stderr).toBe('');
    expect(r.rows).toEqual(rows);
    expect(r.status).toBe(status);
  });

  it('rejects a bad option with exit 2', () => {
    const r = run(['--max', 'zero']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--max takes a whole number');
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { measureEach } from '../scripts/bench-lib.mjs';

const dir = mkdtempSync(join(tmpdir(), 'api-hub-bench-lib-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('measureEach (npm run bench)', () => {
  it('runs the commands in turns, so that a drift of the machine moves all of them alike', () => {
    const log = join(dir, 'order.log');
    const appending = (name: string, exit: number, runs: number) => ({
      cmd: process.execPath,
      args: ['-e', `require('fs').appendFileSync(${JSON.stringify(log)}, ${JSON.stringify(name)}); process.exit(${exit})`],
      runs,
    });
    const r = measureEach({ a: appending('a', 0, 3), b: appending('b', 3, 3), c: appending('c', 0, 1) });
    expect(readFileSync(log, 'utf8')).toBe('abcabab');
    expect(r.a.exitCodes).toEqual([0, 0, 0]);
    expect(r.b.exitCodes).toEqual([3, 3, 3]);
    expect(r.c.runs).toBe(1);
    expect(r.a.medianMs).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot, runCli } from './helpers/cli.js';

const F = 'tests/fixtures/validate/bad';

interface Out {
  errorCount: number;
  problems: Array<{ ruleId: string; severity: string; message: string; file: string; line: number; column: number }>;
}

/** Each bad input: exit 2, exactly one problem naming the file and a location, no stack trace, in bounded time. */
describe('bad input: a clear problem naming file and location, exit 2, no crash or hang', () => {
  it.each<[string, string, RegExp, number, number]>([
    ['unparseable.yaml', 'parse-error', /^invalid YAML: missed comma between flow collection entries$/, 4, 3],
    ['truncated.json', 'parse-error', /^invalid JSON: /, 4, 1],
    ['trailing-comma.json', 'parse-error', /^invalid JSON: /, 1, 129],
    ['empty.yaml', 'empty-file', /^file is empty$/, 1, 1],
    ['bom.yaml', 'bom', /byte order mark \(U\+FEFF\)/, 1, 1],
    ['invalid-utf8.yaml', 'invalid-utf8', /not valid UTF-8: invalid byte sequence \(e9 74 e9 0a\) at byte 38/, 3, 18],
    ['alias-bomb.yaml', 'yaml-alias-bomb', /alias bomb/, 6, 10],
    ['deep-nesting.json', 'too-deep', /^nesting is deeper than 1000 levels/, 1, 1088],
    ['deep-nesting.yaml', 'too-deep', /^nesting is deeper than 1000 levels/, 4, 1009],
    ['not-openapi.yaml', 'not-openapi', /neither an `openapi` nor a `swagger` field/, 1, 1],
  ])('%s', (file, ruleId, message, line, column) => {
    const started = Date.now();
    const r = runCli(['validate', '--no-cache', '--format', 'json', `${F}/${file}`]);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
    const out = JSON.parse(r.stdout) as Out;
    expect(out.problems).toHaveLength(1);
    const p = out.problems[0]!;
    expect(p).toMatchObject({ ruleId, severity: 'error', file: `${F}/${file}`, line, column });
    expect(p.message).toMatch(message);
  });

  it('stylish output names the file and position too', () => {
    const r = runCli(['validate', '--no-cache', `${F}/alias-bomb.yaml`]);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/^tests\/fixtures\/validate\/bad\/alias-bomb\.yaml\n {2}6:10 {2}error {2}YAML aliases expand/);
  });

  it('a file over 50 MB (generated here, not committed) is refused without reading it into the validator; --max-file-size 60 accepts it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'api-hub-big-'));
    const path = join(dir, 'huge.json');
    const fd = openSync(path, 'w');
    writeSync(fd, '{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}, "x-padding": "');
    const chunk = 'x'.repeat(1 << 20);
    for (let i = 0; i < 51; i++) writeSync(fd, chunk);
    writeSync(fd, '"}\n');
    closeSync(fd);
    try {
      const started = Date.now();
      const r = runCli(['validate', '--no-cache', '--format', 'json', path], { cwd: dir });
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(r.status).toBe(2);
      const out = JSON.parse(r.stdout) as Out;
      expect(out.problems).toEqual([
        {
          ruleId: 'file-too-large',
          severity: 'error',
          message: 'the file is too large to validate (51 MB; the limit is 50 MB, see --max-file-size)',
          file: 'huge.json',
          pointer: '',
          line: 1,
          column: 1,
        },
      ]);
      const raised = runCli(['validate', '--no-cache', '--format', 'json', '--max-file-size', '60', path], { cwd: dir });
      expect(raised.status).toBe(0);
      expect((JSON.parse(raised.stdout) as Out).problems.filter((p) => p.ruleId === 'file-too-large')).toEqual([]);
      const lowered = runCli(
        ['validate', '--no-cache', '--format', 'json', '--max-file-size', '0.01', join(projectRoot, 'tests/fixtures/validate/valid/train-travel-3.1.json')],
        { cwd: dir },
      );
      expect(lowered.status).toBe(2);
      expect(runCli(['validate', '--max-file-size', 'lots', path], { cwd: dir })).toMatchObject({
        status: 2,
        stderr: expect.stringContaining('--max-file-size must be a number of megabytes'),
      });
    } finally {
      // 51 MB: never left behind in the temp directory.
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('bad files do not stop the others from being validated', () => {
    const r = runCli([
      'validate',
      '--no-cache',
      '--config',
      'tests/fixtures/validate/config/api-hub-defaults.yaml',
      '--format',
      'json',
      `${F}/bom.yaml`,
      `${F}/alias-bomb.yaml`,
      'tests/fixtures/validate/struct/unknown-property.yaml',
    ]);
    expect(r.status).toBe(2);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.problems.map((p) => p.ruleId)).toEqual(['yaml-alias-bomb', 'bom', 'struct']);
  });
});

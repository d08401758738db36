import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runCli } from './helpers/cli.js';
import { connect } from './mcp-helpers.js';

/**
 * Same input, same verdict (issue 13): CLI `validate`, `npm start`, MCP
 * `validate_spec`, `push --dry-run` and the pre-commit hook read the same
 * redocly.yaml and ignore file, so they agree on the same file. The project
 * has one provider whose document breaks two rules: an example that does not
 * fit its schema (made an error by redocly.yaml) and a default that does not
 * (in the ignore file). Switching the first rule to `warn` must flip every face.
 */
const PROVIDER = `openapi: 3.1.0
info: {title: Demo, version: '1', license: {name: MIT, identifier: MIT}}
servers: [{url: 'https://api.demo.dev'}]
paths:
  /things:
    get:
      operationId: listThings
      summary: List things
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
        '400': {description: bad request}
components:
  schemas:
    Thing:
      type: object
      properties:
        size: {type: integer, default: big}
        name: {type: string, examples: [42]}
`;
const lintConfig = (examples: 'error' | 'warn' | 'off'): string => `extends:\n  - recommended\nrules:\n  no-invalid-schema-examples: ${examples}\n`;

interface Verdict {
  errors: number;
  warnings: number;
}

let dir: string;
let warningsWhenError = -1;
const git = (...args: string[]) =>
  spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir, CI: 'true' } });
const write = (rel: string, text: string): void => {
  mkdirSync(join(dir, rel, '..'), { recursive: true });
  writeFileSync(join(dir, rel), text);
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'api-hub-verdict-'));
  write('api-hub.config.yaml', 'providers:\n  - name: demo\n    source: specs/providers/demo/openapi.yaml\n');
  write('specs/providers/demo/openapi.yaml', PROVIDER);
  write('package.json', '{"name":"demo","private":true}\n');
  // The hook of this checkout, in a repository of its own, running this checkout's CLI.
  cpSync(join(projectRoot, '.githooks'), join(dir, '.githooks'), { recursive: true });
  write('bin/api-hub.js', `await import(${JSON.stringify(join(projectRoot, 'bin', 'api-hub.js'))});\n`);
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'dev@example.com');
  git('config', 'user.name', 'Dev');
  git('config', 'commit.gpgsign', 'false');
  git('config', 'core.hooksPath', '.githooks');
  // Build the unified document, then record the schema-default problem as known.
  expect(runCli(['build', '-q'], { cwd: dir, env: { API_HUB_ROOT: dir } }).status).toBe(0);
  write('redocly.yaml', lintConfig('off'));
  const baseline = runCli(['validate', '--generate-ignore-file'], { cwd: dir, env: { API_HUB_ROOT: dir } });
  expect(baseline.status, baseline.stderr).toBe(0);
  git('add', '-A', '--', '.', ':!specs/openapi.yaml', ':!specs/openapi.index.json');
  expect(git('commit', '-q', '-n', '-m', 'project').status).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function verdicts(): Promise<{
  cli: Verdict & { exit: number };
  start: Verdict & { exit: number };
  mcp: Verdict;
  push: Verdict & { exit: number };
  hook: { exit: number };
}> {
  const env = { API_HUB_ROOT: dir };
  const cli = runCli(['validate', '--format', 'json', '--no-cache'], { cwd: dir, env });
  const cliJson = JSON.parse(cli.stdout) as { errorCount: number; warningCount: number };

  const start = runCli(['start'], { cwd: dir, env });
  const m = /problems:\s+(\d+) error\(s\), (\d+) warning\(s\)/.exec(start.stdout);
  expect(m, start.stdout + start.stderr).not.toBeNull();

  const mcp = await connect({ root: dir });
  const answer = (await mcp.call('validate_spec', { path: 'specs/openapi.yaml' })).json<{ errorCount: number; warningCount: number }>();
  await mcp.close();

  const push = runCli(['push', '--dry-run', '--json'], { cwd: dir, env });
  const pushCounts = JSON.parse(push.stdout) as { status: string; errorCount: number; warningCount: number };

  git('add', 'specs/openapi.yaml');
  const hook = git('commit', '-q', '-m', 'the unified document');
  if (hook.status === 0) git('reset', '-q', '--soft', 'HEAD~1');
  git('reset', '-q');

  return {
    cli: { errors: cliJson.errorCount, warnings: cliJson.warningCount, exit: cli.status },
    start: { errors: Number(m![1]), warnings: Number(m![2]), exit: start.status },
    mcp: { errors: answer.errorCount, warnings: answer.warningCount },
    push: { errors: pushCounts.errorCount, warnings: pushCounts.warningCount, exit: push.status },
    hook: { exit: hook.status ?? -1 },
  };
}

describe('every face gives the same verdict for the same file and configuration', () => {
  it('redocly.yaml makes a rule an error, the ignore file hides a known problem: all refuse', async () => {
    write('redocly.yaml', lintConfig('error'));
    const v = await verdicts();
    // Errors: the one redocly.yaml makes; warnings: whatever the preset finds besides, the same for all.
    const want = { errors: 1, warnings: v.cli.warnings };
    expect({ cli: v.cli, start: v.start, mcp: v.mcp, push: v.push }).toEqual({
      cli: { ...want, exit: 1 },
      start: { ...want, exit: 1 },
      mcp: want,
      push: { ...want, exit: 1 },
    });
    expect(v.hook.exit).toBe(1); // the commit is blocked
    warningsWhenError = v.cli.warnings;
  });

  it('the same rule as a warning: all accept, and count the same warning', async () => {
    write('redocly.yaml', lintConfig('warn'));
    const v = await verdicts();
    // The example problem is now one more warning than under `error` (the ignored default stays hidden).
    const want = { errors: 0, warnings: v.cli.warnings };
    expect(v.cli.warnings).toBe(warningsWhenError + 1);
    expect({ cli: v.cli, start: v.start, mcp: v.mcp, push: v.push }).toEqual({
      cli: { ...want, exit: 0 },
      start: { ...want, exit: 0 },
      mcp: want,
      push: { ...want, exit: 0 },
    });
    expect(v.hook.exit).toBe(0);
  });
});

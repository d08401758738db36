import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './helpers/cli.js';

const VALID = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: a\n      responses: {'200': {description: ok}}\n";
const INVALID = VALID.replace('operationId: a', 'operationid: a');

interface Run {
  status: number;
  out: string;
}

/** A throwaway git repository with the project's hooks, its installer, and a bin/api-hub.js that runs this checkout's CLI. */
function repo(): { dir: string; git: (...args: string[]) => Run; write: (rel: string, text: string) => void } {
  const dir = mkdtempSync(join(tmpdir(), 'api-hub-hooks-'));
  const git = (...args: string[]): Run => {
    const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir } });
    return { status: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
  };
  const write = (rel: string, text: string): void => {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'dev@example.com');
  git('config', 'user.name', 'Dev');
  git('config', 'commit.gpgsign', 'false');
  cpSync(join(projectRoot, '.githooks'), join(dir, '.githooks'), { recursive: true });
  write('scripts/install-hooks.mjs', '');
  cpSync(join(projectRoot, 'scripts', 'install-hooks.mjs'), join(dir, 'scripts', 'install-hooks.mjs'));
  write('bin/api-hub.js', `await import(${JSON.stringify(join(projectRoot, 'bin', 'api-hub.js'))});\n`);
  write('README.md', 'hello\n');
  return { dir, git, write };
}

const install = (dir: string): Run => {
  const r = spawnSync(process.execPath, [join(dir, 'scripts', 'install-hooks.mjs')], { cwd: dir, encoding: 'utf8', env: { ...process.env, HOME: dir } });
  return { status: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
};

describe('scripts/install-hooks.mjs (run by `prepare` on npm install / npm ci)', () => {
  it('sets core.hooksPath to .githooks in a git work tree', () => {
    const { dir, git } = repo();
    const r = install(dir);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/git hooks installed/);
    expect(git('config', '--get', 'core.hooksPath').out.trim()).toBe('.githooks');
    expect(install(dir).out).toBe(''); // idempotent and quiet
  });

  it('outside a git work tree: does nothing and never fails the install', () => {
    const dir = mkdtempSync(join(tmpdir(), 'api-hub-nogit-'));
    mkdirSync(join(dir, 'scripts'));
    mkdirSync(join(dir, '.githooks'));
    writeFileSync(join(dir, '.githooks', 'pre-commit'), '');
    cpSync(join(projectRoot, 'scripts', 'install-hooks.mjs'), join(dir, 'scripts', 'install-hooks.mjs'));
    const r = spawnSync(process.execPath, [join(dir, 'scripts', 'install-hooks.mjs')], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_CEILING_DIRECTORIES: tmpdir() },
    });
    expect(r.status).toBe(0);
    expect(`${r.stdout}${r.stderr}`).toBe('');
  });

  it('leaves another hook manager in charge', () => {
    const { dir, git } = repo();
    git('config', 'core.hooksPath', '.husky');
    const r = install(dir);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/core\.hooksPath is already \.husky/);
    expect(git('config', '--get', 'core.hooksPath').out.trim()).toBe('.husky');
  });
});

describe('.githooks/pre-commit', () => {
  it('validates only staged spec files, blocks on errors, and can be skipped with --no-verify', () => {
    const { dir, git, write } = repo();
    install(dir);
    // No spec staged: nothing runs.
    write('README.md', 'changed\n');
    git('add', 'README.md');
    const quiet = git('commit', '-q', '-m', 'readme');
    expect(quiet.status).toBe(0);
    expect(quiet.out).not.toMatch(/api-hub/);

    // A catalog under specs/ that is not OpenAPI: left alone.
    write('specs/providers/x/models.json', '{"data": []}\n');
    git('add', 'specs');
    expect(git('commit', '-q', '-m', 'catalog').out).not.toMatch(/validating/);

    // An invalid spec: blocked, with the problem and how to skip.
    write('specs/openapi.yaml', INVALID);
    git('add', 'specs/openapi.yaml');
    const blocked = git('commit', '-q', '-m', 'bad spec');
    expect(blocked.status).toBe(1);
    expect(blocked.out).toMatch(/validating 1 staged spec file/);
    expect(blocked.out).toMatch(/specs\/openapi\.yaml\n {2}6:7 {2}error {2}property `operationid` is not allowed in an Operation Object/);
    expect(blocked.out).toMatch(/git commit --no-verify/);

    // The emergency exit.
    expect(git('commit', '-q', '--no-verify', '-m', 'bad spec, on purpose').status).toBe(0);
  });

  it('counts warnings without listing them, and does not block on them', () => {
    const { dir, git, write } = repo();
    install(dir);
    write('specs/openapi.yaml', VALID.replace('info:', 'servers: [{url: "https://api.example.org/"}]\ninfo:'));
    git('add', 'specs/openapi.yaml');
    const ok = git('commit', '-q', '-m', 'spec with a warning');
    expect(ok.status).toBe(0);
    expect(ok.out).toMatch(/validating 1 staged spec file/);
    expect(ok.out).toMatch(/warning/);
    expect(ok.out).not.toMatch(/no-server-trailing-slash/);
  });

  it('validates what is staged, not the working tree', () => {
    const { dir, git, write } = repo();
    install(dir);
    write('specs/openapi.yaml', VALID);
    git('add', 'specs/openapi.yaml');
    write('specs/openapi.yaml', INVALID); // unstaged breakage: not part of this commit
    const ok = git('commit', '-q', '-m', 'good spec');
    expect(ok.status).toBe(0);
    expect(ok.out).toMatch(/validating 1 staged spec file/);
    git('add', 'specs/openapi.yaml');
    write('specs/openapi.yaml', VALID); // staged breakage, fixed only in the working tree
    expect(git('commit', '-q', '-m', 'staged bad').status).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './helpers/cli.js';
import { filesUnder } from './helpers/files.js';

// Canary keys, made at run time (no key-shaped literal in this file), each unique to this run.
const alnum = (n: number): string =>
  randomBytes(n * 2)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, n)
    .padEnd(n, 'Z9');
const FAL_CANARY = `${randomUUID()}:${randomBytes(16).toString('hex')}`;
const OPENAI_CANARY = `sk-proj-${alnum(64)}`;
// A fixed first letter: a random one could start with a placeholder word (`my…`, `test…`, `fake…`), which
// the scan rightly leaves alone, and the test would then fail about once in a thousand runs.
const ENV_CANARY = `Q${alnum(19)}7${alnum(11)}`;
const CANARIES = [FAL_CANARY, OPENAI_CANARY, ENV_CANARY];

interface Run {
  status: number;
  out: string;
}

/** A throwaway git repository with the project's hooks installed and a bin/api-hub.js that runs this checkout's CLI. */
function repo(): {
  dir: string;
  git: (...args: string[]) => Run;
  write: (rel: string, text: string) => void;
  cli: (...args: string[]) => Run & { stdout: string };
} {
  const dir = mkdtempSync(join(tmpdir(), 'api-hub-scan-'));
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir, CI: 'true' };
  delete env.API_HUB_ROOT;
  const git = (...args: string[]): Run => {
    const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env });
    return { status: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
  };
  const cli = (...args: string[]): Run & { stdout: string } => {
    const r = spawnSync(process.execPath, [join(dir, 'bin', 'api-hub.js'), ...args], { cwd: dir, encoding: 'utf8', env });
    return { status: r.status ?? -1, out: `${r.stdout}${r.stderr}`, stdout: r.stdout };
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
  cpSync(join(projectRoot, '.gitignore'), join(dir, '.gitignore'));
  write('bin/api-hub.js', `await import(${JSON.stringify(join(projectRoot, 'bin', 'api-hub.js'))});\n`);
  write('README.md', 'hello\n');
  git('add', '.');
  git('commit', '-q', '--no-verify', '-m', 'init');
  git('config', 'core.hooksPath', '.githooks');
  return { dir, git, write, cli };
}

function expectNoCanary(text: string): void {
  for (const c of CANARIES) {
    expect(text).not.toContain(c);
    expect(text).not.toContain(c.slice(8, 24));
  }
}

describe('pre-commit secret scan (api-hub scan --staged)', () => {
  it('refuses each canary commit with file:line and a masked excerpt, and the canary appears in no output and no file', () => {
    const { dir, git, write } = repo();
    const outputs: string[] = [];
    const cases: Array<{ name: string; stage: () => void; where: RegExp }> = [
      {
        name: 'a FAL key in a file',
        stage: () => (write('config/settings.txt', `# local\nFAL_KEY=${FAL_CANARY}\n`), git('add', 'config')),
        where: /config\/settings\.txt:2:9: FAL API key/,
      },
      {
        name: 'an sk-proj- key',
        stage: () => (write('src/client.ts', `export const key = '${OPENAI_CANARY}';\n`), git('add', 'src')),
        where: /src\/client\.ts:1:\d+: OpenAI API key/,
      },
      { name: 'a force-added .env', stage: () => (write('.env', `COMET_API_KEY=${ENV_CANARY}\n`), git('add', '-f', '.env')), where: /\.env:1:1: \.env file/ },
      {
        name: 'a FAL key in an x- field of specs/openapi.yaml',
        stage: () => (
          write('specs/openapi.yaml', `openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\n  x-fal-credentials: ${FAL_CANARY}\npaths: {}\n`), git('add', 'specs')
        ),
        where: /specs\/openapi\.yaml:5:22: FAL API key/,
      },
    ];
    for (const c of cases) {
      c.stage();
      const r = git('commit', '-q', '-m', c.name);
      outputs.push(r.out);
      expect(r.status, c.name).toBe(1);
      expect(r.out, c.name).toMatch(c.where);
      expect(r.out, c.name).toMatch(/fingerprint [0-9a-f]{12}/);
      expect(r.out, c.name).toMatch(/\.secretscan-allow\.yaml/);
      expect(r.out, c.name).toMatch(/git commit --no-verify/);
      git('reset', '-q');
    }
    expect(git('log', '--oneline').out.trim().split('\n')).toHaveLength(1); // nothing was committed
    expectNoCanary(outputs.join('\n'));
    // No file the scan or the hook could have written holds a canary, except the ones the test wrote itself.
    const written = new Set(['config/settings.txt', 'src/client.ts', '.env', 'specs/openapi.yaml'].map((p) => join(dir, p)));
    // The .git directory's loose objects are compressed: a canary there is not in clear text.
    for (const f of filesUnder(dir)) if (!written.has(f)) expectNoCanary(readFileSync(f, 'latin1'));
  });

  it('lets a clean commit through quietly, and an allowlisted false positive with its reason', () => {
    const { git, write } = repo();
    write('src/a.ts', 'export const apiKey = process.env.FAL_KEY;\n');
    git('add', 'src');
    const ok = git('commit', '-q', '-m', 'clean');
    expect(ok.status).toBe(0);
    expect(ok.out).toBe('');

    write('docs/example.md', `Authorization: Bearer ${ENV_CANARY}\n`);
    git('add', 'docs');
    const blocked = git('commit', '-q', '-m', 'doc');
    expect(blocked.status).toBe(1);
    const fp = /fingerprint ([0-9a-f]{12})/.exec(blocked.out)?.[1];
    expect(fp).toBeDefined();
    write('.secretscan-allow.yaml', `allow:\n  - fingerprint: ${fp}\n`);
    const noReason = git('commit', '-q', '-m', 'doc');
    expect(noReason.status).toBe(1);
    expect(noReason.out).toMatch(/needs a 'reason'/);
    write('.secretscan-allow.yaml', `allow:\n  - fingerprint: ${fp}\n    reason: a made-up token in the docs\n`);
    git('add', '.secretscan-allow.yaml');
    expect(git('commit', '-q', '-m', 'doc').status).toBe(0);
  });

  it('.gitignore keeps every .env* out except .env.example', () => {
    const { git, write } = repo();
    for (const f of ['.env', '.env.local', '.env.production', '.env.development']) write(f, 'A=1\n');
    write('.env.example', 'FAL_KEY=\n');
    git('add', '.');
    expect(git('diff', '--cached', '--name-only').out.trim()).toBe('.env.example');
    expect(git('commit', '-q', '-m', 'template').status).toBe(0);
  });

  it('api-hub scan --since REV finds a key committed with --no-verify, in the commit that added it, even after it was removed', () => {
    const { git, write, cli } = repo();
    const base = git('rev-parse', 'HEAD').out.trim();
    write('a.txt', `one\ntwo\nFAL_KEY=${FAL_CANARY}\n`);
    git('add', 'a.txt');
    expect(git('commit', '-q', '--no-verify', '-m', 'oops').status).toBe(0);
    const bad = git('rev-parse', 'HEAD').out.trim();
    write('a.txt', 'one\ntwo\n');
    git('add', 'a.txt');
    expect(git('commit', '-q', '-m', 'remove it').status).toBe(0);

    expect(cli('scan').status).toBe(0); // the work tree is clean now
    const r = cli('scan', '--since', base);
    expect(r.status).toBe(1);
    expect(r.out).toContain(`${bad.slice(0, 10)} a.txt:3:9: FAL API key`);
    const json = cli('scan', '--since', base, '--json');
    expect(JSON.parse(json.stdout).findings[0]).toMatchObject({ file: 'a.txt', line: 3, commit: bad, rule: 'fal-key' });
    expectNoCanary(r.out + json.out);
    expect(cli('scan', '--since', 'no-such-rev').status).toBe(2);
  });

  it('api-hub scan [paths] scans the work tree, skipping ignored files', () => {
    const { write, cli } = repo();
    write('.env', `FAL_KEY=${FAL_CANARY}\n`); // ignored: a local .env is where keys belong
    write('notes/keys.md', `${OPENAI_CANARY}\n`);
    write('other/ok.md', 'nothing\n');
    const all = cli('scan');
    expect(all.status).toBe(1);
    expect(all.out).toMatch(/notes\/keys\.md:1:1/);
    expect(all.out).not.toMatch(/\.env/);
    expect(cli('scan', 'other').status).toBe(0);
    expectNoCanary(all.out);
  });

  it('is well under a second on an ordinary commit', () => {
    const { git, write } = repo();
    for (let i = 0; i < 20; i++) write(`src/file${i}.ts`, `export const value${i} = ${i};\n`.repeat(200));
    git('add', 'src');
    const started = performance.now();
    const r = spawnSync(process.execPath, [join(projectRoot, 'bin', 'api-hub.js'), 'scan', '--staged', '--json'], {
      cwd: git('rev-parse', '--show-toplevel').out.trim(),
      encoding: 'utf8',
    });
    const ms = performance.now() - started;
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ files: 20, findings: [] });
    // The whole process (Node start, CLI load, git, scan): about 0.3 s on an idle machine; the bound leaves room for a busy one.
    expect(ms).toBeLessThan(3000);
  });
});

import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers/cli.js';

let dir = '';
const spec = (maxLength: number) => `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /v1/chat/completions:
    post:
      x-hub-source: { provider: comet }
      tags: [chat]
      requestBody:
        content:
          application/json:
            schema: { type: object, properties: { prompt: { type: string, maxLength: ${maxLength} } } }
      responses: { '200': { description: ok } }
`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'diff-'));
  await writeFile(join(dir, 'old.yaml'), spec(100));
  await writeFile(join(dir, 'narrow.yaml'), spec(10));
  await writeFile(join(dir, 'wide.yaml'), spec(1000));
  await writeFile(join(dir, 'bad.yaml'), 'openapi: [unclosed\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('api-hub diff', () => {
  it('exits 1 on a breaking change with --fail-on breaking, and prints it grouped', () => {
    const r = runCli(['diff', 'old.yaml', 'narrow.yaml', '--fail-on', 'breaking'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('comet / chat');
    expect(r.stdout).toContain('BREAKING  POST /v1/chat/completions: request body prompt: maxLength lowered from 100 to 10');
  });

  it('exits 0 on non-breaking changes, and without --fail-on', () => {
    expect(runCli(['diff', 'old.yaml', 'wide.yaml', '--fail-on', 'breaking'], { cwd: dir }).status).toBe(0);
    expect(runCli(['diff', 'old.yaml', 'narrow.yaml'], { cwd: dir }).status).toBe(0);
  });

  it('prints json and markdown', () => {
    const j = JSON.parse(runCli(['diff', 'old.yaml', 'narrow.yaml', '--format', 'json'], { cwd: dir }).stdout);
    expect(j).toMatchObject({ breaking: 1, nonBreaking: 0 });
    expect(runCli(['diff', 'old.yaml', 'old.yaml', '--format', 'markdown'], { cwd: dir }).stdout).toBe('## API changes: no changes\n');
  });

  it('writes GitHub annotations at the line of the change in the new document', () => {
    const r = runCli(['diff', 'old.yaml', 'narrow.yaml', '--format', 'github'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      '::error file=narrow.yaml,line=11,col=75,title=Breaking%3A comet / chat (1)::POST /v1/chat/completions: request body prompt: maxLength lowered from 100 to 10\n' +
        '::notice title=API diff::1 breaking, 0 non-breaking change(s) in 1 group(s)\n',
    );
  });

  it("compares a Swagger 2.0 document after the build's upgrade: a basePath change is caught", async () => {
    const swagger = (base: string) =>
      `swagger: '2.0'\ninfo: { title: t, version: '1' }\nhost: api.example.com\nbasePath: ${base}\nschemes: [https]\npaths:\n  /items:\n    get:\n      parameters: [{ name: n, in: query, type: string }]\n      responses: { '200': { description: ok } }\n`;
    await writeFile(join(dir, 'v3.yaml'), swagger('/v3'));
    await writeFile(join(dir, 'v4.yaml'), swagger('/v4'));
    const r = runCli(['diff', 'v3.yaml', 'v4.yaml', '--fail-on', 'breaking'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('BREAKING  GET /items: servers: url changed from https://api.example.com/v3 to https://api.example.com/v4\n');
  });

  it('exits 2 naming the file and position when a document cannot be parsed', () => {
    const r = runCli(['diff', 'old.yaml', 'bad.yaml'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+/);
  });
});

import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers/cli.js';

interface Out {
  errorCount: number;
  warningCount: number;
  problems: Array<{ ruleId: string; severity: string; message: string; file: string; pointer: string; line: number; column: number }>;
}

const SPEC = `openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        '404': {description: not found}
  /pets/{id}:
    get:
      operationId: getPet
      responses:
        '200': {description: ok}
`;

/** A project in a temp dir: files by relative path; `node_modules/` makes the result cache available. */
function project(files: Record<string, string>, withNodeModules = false): string {
  const dir = mkdtempSync(join(tmpdir(), 'api-hub-validate-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  if (withNodeModules) mkdirSync(join(dir, 'node_modules'));
  return dir;
}

const run = (dir: string, ...args: string[]): { status: number; out: Out; stderr: string } => {
  const r = runCli(['validate', '--format', 'json', ...args], { cwd: dir });
  return { status: r.status, out: JSON.parse(r.stdout) as Out, stderr: r.stderr };
};
const rules = (out: Out): string[] => out.problems.map((p) => `${p.ruleId}:${p.severity}`);
/** What Redocly's `recommended` adds on SPEC beyond the rules a test is about. */
const STYLE = new Set(['info-license:warn', 'operation-summary:error', 'operation-4xx-response:warn', 'config:warn']);

describe('rule severities from redocly.yaml', () => {
  it('defaults: a missing path parameter is an error, a missing 2XX response a warning, no security nothing', () => {
    const { status, out } = run(project({ 'openapi.yaml': SPEC }), 'openapi.yaml');
    expect(status).toBe(1);
    expect(rules(out)).toEqual(['operation-2xx-response:warn', 'path-parameters-defined:error']);
  });

  it('rules:, version blocks, x-api-hub and apis: override them; found from the working directory upwards', () => {
    const dir = project({
      'redocly.yaml': `extends: [recommended]
rules:
  operation-2xx-response: error
  operation-security-defined: warn
oas3_1Rules:
  path-parameters-defined: {severity: warn}
oas2Rules:
  path-parameters-defined: off
x-api-hub:
  rules:
    no-unused-components: off
apis:
  main:
    root: specs/openapi.yaml
    rules:
      operation-2xx-response: warn
`,
      'openapi.yaml': SPEC,
      'specs/openapi.yaml': SPEC,
    });
    const a = run(dir, 'openapi.yaml');
    expect(a.status).toBe(1);
    expect(rules(a.out).filter((r) => !STYLE.has(r))).toEqual([
      'operation-security-defined:warn',
      'operation-2xx-response:error',
      'operation-security-defined:warn',
      'path-parameters-defined:warn',
    ]);
    const b = run(dir, 'specs/openapi.yaml');
    expect(b.status).toBe(1); // Redocly's recommended: operation-summary is an error
    expect(rules(b.out).filter((r) => !STYLE.has(r))).toEqual([
      'operation-security-defined:warn',
      'operation-2xx-response:warn',
      'operation-security-defined:warn',
      'path-parameters-defined:warn',
    ]);
  });

  it("extends: minimal is honoured (Redocly's severities: path-parameters-defined a warning)", () => {
    const dir = project({ 'redocly.yaml': 'extends: [minimal]\n', 'openapi.yaml': SPEC });
    const { status, out } = run(dir, 'openapi.yaml');
    expect(status).toBe(0);
    expect(rules(out).sort()).toEqual([
      'operation-2xx-response:warn',
      'operation-security-defined:warn',
      'operation-security-defined:warn',
      'operation-summary:warn',
      'operation-summary:warn',
      'path-parameters-defined:warn',
    ]);
  });

  it("recommended: Redocly's errors are errors here (the six rules that were warnings), operation-tag-defined is off", () => {
    const spec = `openapi: 3.0.3
info: {title: t, version: '1', license: {name: MIT, url: 'https://mit.edu'}}
servers: [{url: 'https://api.acme.io/'}]
security: []
paths:
  /pets/:
    get:
      operationId: list pets
      summary: List
      tags: [undeclared]
      responses:
        '200': {description: ok, content: {application/json: {schema: {nullable: true}}}}
        '400': {description: bad}
  /find?q:
    get:
      operationId: find
      summary: Find
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: string, enum: [1]}}}}
        '400': {description: bad}
`;
    const dir = project({ 'redocly.yaml': 'extends: [recommended]\nrules:\n  no-illogical-composition-keywords: off\n', 'openapi.yaml': spec });
    const { status, out } = run(dir, 'openapi.yaml');
    expect(status).toBe(1);
    expect(rules(out).sort()).toEqual([
      'no-enum-type-mismatch:error',
      'no-path-trailing-slash:error',
      'no-server-trailing-slash:error',
      'nullable-type-sibling:error',
      'operation-operationId-url-safe:error',
      'path-not-include-query:error',
    ]);
  });

  it('an unknown rule name is a problem of the config file at its line and column (exit 2)', () => {
    const dir = project({ 'redocly.yaml': 'extends: [recommended]\nrules:\n  operation-2xx-response: warn\n  no-such-rule: error\n', 'openapi.yaml': SPEC });
    const { status, out } = run(dir, 'openapi.yaml');
    expect(status).toBe(2);
    expect(out.problems[0]).toMatchObject({
      ruleId: 'config',
      severity: 'error',
      file: 'redocly.yaml',
      line: 4,
      column: 3,
      message: expect.stringContaining('`no-such-rule` is not a rule of api-hub or Redocly'),
    });
  });

  it('a Redocly rule api-hub does not implement is named once per run, where it is turned on', () => {
    const dir = project({
      'redocly.yaml':
        'extends:\n  - recommended\nrules:\n  paths-kebab-case: warn\n  rule/my-assertion: {subject: {type: Operation}, assertions: {defined: true}, severity: error}\n',
      'a.yaml': SPEC,
      'b.yaml': SPEC,
    });
    const { out } = run(dir, 'a.yaml', 'b.yaml');
    const named = out.problems.filter((p) => p.ruleId === 'config').map((p) => [p.severity, p.line, p.column, p.message.split(':')[0]]);
    expect(named).toEqual([
      ['warn', 4, 3, 'Redocly rule `paths-kebab-case` is not implemented by api-hub'],
      ['warn', 5, 3, 'Redocly rule `rule/my-assertion` is not implemented by api-hub'],
    ]);
    // Turned off: not named; and every rule of `recommended` is implemented, so the preset alone names none.
    writeFileSync(join(dir, 'redocly.yaml'), 'extends: [recommended]\nrules:\n  paths-kebab-case: off\n');
    expect(run(dir, 'a.yaml').out.problems.filter((p) => p.ruleId === 'config')).toEqual([]);
    writeFileSync(join(dir, 'redocly.yaml'), 'extends: [recommended]\n');
    expect(run(dir, 'a.yaml').out.problems.filter((p) => p.ruleId === 'config')).toEqual([]);
  });

  it('nullable in 3.1: a warning by default, an error under a Redocly preset (its struct), switchable', () => {
    const spec = SPEC.replace("'200': {description: ok}", "'200': {description: ok, content: {application/json: {schema: {type: string, nullable: true}}}}");
    const dir = project({ 'openapi.yaml': spec });
    expect(rules(run(dir, 'openapi.yaml').out)).toContain('no-nullable-in-3.1:warn');
    writeFileSync(join(dir, 'redocly.yaml'), 'extends: [recommended]\n');
    expect(rules(run(dir, 'openapi.yaml').out)).toContain('no-nullable-in-3.1:error');
    writeFileSync(join(dir, 'redocly.yaml'), 'extends: [recommended]\nx-api-hub:\n  rules:\n    no-nullable-in-3.1: warn\n');
    expect(rules(run(dir, 'openapi.yaml').out)).toContain('no-nullable-in-3.1:warn');
  });

  it('an invalid severity is a problem of the config file, at its line (exit 2)', () => {
    const dir = project({ 'redocly.yaml': 'rules:\n  operation-2xx-response: warning\n', 'openapi.yaml': SPEC });
    const { status, out } = run(dir, 'openapi.yaml');
    expect(status).toBe(2);
    expect(out.problems[0]).toMatchObject({
      ruleId: 'config',
      severity: 'error',
      file: 'redocly.yaml',
      line: 2,
      column: 3,
      message: 'rule `operation-2xx-response`: the severity must be error, warn or off, not "warning"',
    });
  });

  it("the hub's own redocly.yaml is read (and stays valid for Redocly: checked in the build tests)", () => {
    const r = runCli(['validate', '--format', 'json', 'tests/fixtures/validate/valid/adyen-3.1.yaml']);
    expect(r.status).toBe(0);
  });
});

describe('ignore file (baseline)', () => {
  it('--generate-ignore-file writes every problem by rule and stable id; later runs leave them out, even after lines move', () => {
    const dir = project({ 'openapi.yaml': SPEC });
    const gen = runCli(['validate', '--generate-ignore-file', 'openapi.yaml'], { cwd: dir });
    expect(gen.status).toBe(0);
    expect(gen.stderr).toMatch(/wrote 2 problems to \.api-hub-ignore\.yaml/);
    const text = readFileSync(join(dir, '.api-hub-ignore.yaml'), 'utf8');
    expect(text).toContain('openapi.yaml:\n  operation-2xx-response:\n    - "operation listPets"\n  path-parameters-defined:\n    - "operation getPet"\n');
    expect(text).not.toMatch(/\/paths|\d+:\d+/);

    const clean = run(dir, 'openapi.yaml');
    expect(clean.status).toBe(0);
    expect(clean.out.problems).toEqual([]);
    expect(runCli(['validate', 'openapi.yaml'], { cwd: dir }).stdout).toBe('✔ no problems found (2 problems ignored by the ignore file)\n');

    // Insert a path before them: pointers and lines shift, the ignore entries still match.
    writeFileSync(
      join(dir, 'openapi.yaml'),
      SPEC.replace('paths:\n', "paths:\n  /a:\n    get:\n      operationId: a\n      security: []\n      responses: {'200': {description: ok}}\n"),
    );
    expect(run(dir, 'openapi.yaml').out.problems).toEqual([]);
    // A new problem of the same rule in another operation is reported.
    writeFileSync(join(dir, 'openapi.yaml'), SPEC.replace("'200': {description: ok}", "'500': {description: oops}"));
    expect(rules(run(dir, 'openapi.yaml').out)).toEqual(['operation-2xx-response:warn']);
  });

  it('--generate-ignore-file on a file that cannot be parsed keeps the existing baseline and exits 2', () => {
    const baseline = 'openapi.yaml:\n  path-parameters-defined:\n    - "operation getPet"\n';
    const dir = project({ 'openapi.yaml': 'openapi: 3.1.0\ninfo: [unclosed\n', '.api-hub-ignore.yaml': baseline });
    const gen = runCli(['validate', '--generate-ignore-file', 'openapi.yaml'], { cwd: dir });
    expect(gen.status).toBe(2);
    expect(gen.stderr).toMatch(/the ignore file was not written: validation could not complete.*\.api-hub-ignore\.yaml is unchanged/);
    expect(gen.stdout).toMatch(/openapi\.yaml/);
    expect(readFileSync(join(dir, '.api-hub-ignore.yaml'), 'utf8')).toBe(baseline);
    // No temp file is left beside it.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--ignore-file names another file; a malformed one is a problem of that file', () => {
    const dir = project({ 'openapi.yaml': SPEC, 'known.yaml': 'openapi.yaml:\n  path-parameters-defined: "operation getPet"\n' });
    const { status, out } = run(dir, 'openapi.yaml', '--ignore-file', 'known.yaml');
    expect(status).toBe(2);
    expect(out.problems[0]).toMatchObject({
      ruleId: 'ignore-file',
      file: 'known.yaml',
      message: '`openapi.yaml` / `path-parameters-defined` must be a list of ids (strings)',
    });
  });
});

describe('result cache', () => {
  it('an unchanged file is answered from node_modules/.cache/api-hub; a change, a config change or --no-cache is not', () => {
    const dir = project({ 'openapi.yaml': SPEC }, true);
    const first = runCli(['validate', 'openapi.yaml'], { cwd: dir });
    expect(first.status).toBe(1);
    const cacheDir = join(dir, 'node_modules', '.cache', 'api-hub', 'validate');
    const entries = readdirSync(cacheDir);
    expect(entries).toHaveLength(1);
    // Prove the second run reads the entry: doctor the cached message.
    const entryPath = join(cacheDir, entries[0]!);
    writeFileSync(entryPath, readFileSync(entryPath, 'utf8').replace('the operation does not declare', 'FROM THE CACHE: the operation does not declare'));
    const second = runCli(['validate', 'openapi.yaml'], { cwd: dir });
    expect(second.status).toBe(1);
    expect(second.stdout).toContain('FROM THE CACHE');
    expect(runCli(['validate', '--no-cache', 'openapi.yaml'], { cwd: dir }).stdout).not.toContain('FROM THE CACHE');
    // Other formats of the same result come from the same entry.
    expect(runCli(['validate', '--format', 'github', 'openapi.yaml'], { cwd: dir }).stdout).toContain('FROM THE CACHE');
    // A config change is a different key.
    writeFileSync(join(dir, 'redocly.yaml'), 'rules:\n  operation-2xx-response: off\n');
    expect(runCli(['validate', 'openapi.yaml'], { cwd: dir }).stdout).not.toContain('FROM THE CACHE');
    // A changed file misses.
    writeFileSync(join(dir, 'redocly.yaml'), '');
    writeFileSync(join(dir, 'openapi.yaml'), SPEC + '\n');
    expect(runCli(['validate', 'openapi.yaml'], { cwd: dir }).stdout).not.toContain('FROM THE CACHE');
  });

  it('a change in a referenced file invalidates the entry', () => {
    const dir = project(
      {
        'openapi.yaml': "openapi: 3.1.0\ninfo: {title: t, version: '1'}\ncomponents:\n  schemas:\n    A: {$ref: './a.yaml'}\n",
        'a.yaml': 'type: object\n',
      },
      true,
    );
    expect(run(dir, 'openapi.yaml').out.errorCount).toBe(0);
    writeFileSync(join(dir, 'a.yaml'), 'type: objekt\n');
    expect(run(dir, 'openapi.yaml').out.errorCount).toBe(1);
  });

  it('no node_modules in the project: nothing is cached, nothing is created', () => {
    const dir = project({ 'openapi.yaml': SPEC });
    runCli(['validate', 'openapi.yaml'], { cwd: dir });
    expect(existsSync(join(dir, 'node_modules'))).toBe(false);
  });
});

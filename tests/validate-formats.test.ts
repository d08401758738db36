import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { projectRoot, runCli } from './helpers/cli.js';

const F = 'tests/fixtures/validate';
/** One error (struct, line 9) and, with the default rules, no warnings. */
const ONE_ERROR = `${F}/struct/unknown-property.yaml`;
/** One warning (a server URL with a trailing slash), no error. */
/** api-hub's own defaults: in this repository the project's redocly.yaml (Redocly's `recommended`) would apply. */
const HUB = ['--config', `${F}/config/api-hub-defaults.yaml`];
const WARNINGS = `${F}/valid/xkcd-3.0.yaml`;

interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; rules: Array<{ id: string }> } };
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } } }>;
    }>;
  }>;
}

describe('--format sarif', () => {
  const r = runCli(['validate', ...HUB, '--format', 'sarif', ONE_ERROR, WARNINGS]);
  const log = JSON.parse(r.stdout) as SarifLog;

  it('is valid SARIF 2.1.0 (the official schema, for the objects it uses)', () => {
    const schema = JSON.parse(readFileSync(join(projectRoot, F, 'sarif-2.1.0-subset.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    expect(r.status).toBe(1);
  });

  it('meets GitHub code scanning: a location with a repository-relative file and a line for every result, rule ids and indexes that agree', () => {
    const run = log.runs[0]!;
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver.name).toBe('api-hub validate');
    const ids = run.tool.driver.rules.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(run.results.length).toBe(2);
    for (const res of run.results) {
      expect(ids[res.ruleIndex]).toBe(res.ruleId);
      const loc = res.locations[0]!.physicalLocation;
      expect(loc.artifactLocation.uri).toMatch(/^tests\/fixtures\/validate\//);
      expect(loc.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(loc.region.startLine).toBeGreaterThanOrEqual(1);
    }
    expect(run.results[0]).toMatchObject({ ruleId: 'struct', level: 'error', locations: [{ physicalLocation: { region: { startLine: 9, startColumn: 7 } } }] });
    expect(run.results[1]).toMatchObject({
      ruleId: 'no-server-trailing-slash',
      level: 'warning',
      locations: [{ physicalLocation: { region: { startLine: 3, startColumn: 5 } } }],
    });
  });
});

describe('--format github', () => {
  it('one workflow command per problem, with file, line and column', () => {
    const r = runCli(['validate', ...HUB, '--format', 'github', ONE_ERROR, WARNINGS]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      `::error file=${ONE_ERROR},line=9,col=7,title=struct::property \`nmae\` is not allowed in an Operation Object (at /paths/~1pets/get/nmae)`,
    );
    expect(lines[1]).toBe(
      `::warning file=${WARNINGS},line=3,col=5,title=no-server-trailing-slash::server URL \`http%3A//xkcd.com/\` ends with \`/\`: every path starts with one, so requests get \`//\` (at /servers/0/url)`.replace(
        'http%3A',
        'http:',
      ),
    );
    expect(lines[2]).toBe('✖ 2 problems (1 error, 1 warning)');
  });
});

describe('--format junit', () => {
  it('a suite per file, errors as failures, warnings as passing cases, a clean file as one passing case', () => {
    const r = runCli(['validate', ...HUB, '--format', 'junit', ONE_ERROR, WARNINGS, `${F}/valid/adyen-3.1.yaml`]);
    expect(r.status).toBe(1);
    const xml = r.stdout;
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="api-hub validate" tests="3" failures="1" errors="0">')).toBe(true);
    expect(xml).toContain(`<testsuite name="${ONE_ERROR}" tests="1" failures="1" errors="0" skipped="0">`);
    expect(xml).toContain('<failure type="struct" message="property `nmae` is not allowed in an Operation Object">');
    expect(xml).toContain(`<testsuite name="${WARNINGS}" tests="1" failures="0"`);
    expect(xml).toContain('<system-out>warning: tests/fixtures/validate/valid/xkcd-3.0.yaml:3:5 server URL');
    expect(xml).toContain(`<testcase classname="${F}/valid/adyen-3.1.yaml" name="valid OpenAPI description"/>`);
    // Well-formed enough for any XML reader: every opened element is closed.
    const open = (xml.match(/<(testsuites|testsuite|testcase|failure|system-out)[\s>]/g) ?? []).length;
    const closed = (xml.match(/<\/(testsuites|testsuite|testcase|failure|system-out)>|\/>/g) ?? []).length;
    expect(closed).toBe(open);
  });
});

describe('--format stylish --codeframe', () => {
  it('shows the source lines, a marker under the column, and the hint', () => {
    const r = runCli(['validate', ...HUB, '--codeframe', ONE_ERROR]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('  9:7  error  property `nmae` is not allowed in an Operation Object  struct\n');
    expect(r.stdout).toContain('\n       8 |       summary: List pets\n    >  9 |       nmae: typo\n         |       ^\n      10 |       responses:\n');
    expect(r.stdout).toContain('hint: Only the fields the specification defines are allowed here');
  });
});

describe('exit codes and --max-warnings', () => {
  it.each<[string[], number]>([
    [[WARNINGS], 0],
    [[WARNINGS, '--max-warnings', '1'], 0],
    [[WARNINGS, '--max-warnings', '0'], 1],
    [[ONE_ERROR], 1],
    [[ONE_ERROR, `${F}/bad/empty.yaml`], 2],
    [[WARNINGS, '--max-warnings', 'many'], 2],
  ])('%j -> %i', (args, status) => {
    expect(runCli(['validate', ...HUB, '--format', 'json', ...args]).status).toBe(status);
  });
});

import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot, runCli } from './helpers/cli.js';

const F = 'tests/fixtures/validate';
const shared = join(projectRoot, '..', 'shared', 'corpus', 'real-world');

interface JsonOutput {
  errorCount: number;
  warningCount: number;
  problems: Array<{ ruleId: string; severity: string; message: string; file: string; pointer: string; line: number; column: number }>;
}

/** api-hub's own defaults: in this repository the project's redocly.yaml (Redocly's `recommended`) would apply. */
const HUB = ['--config', `${F}/config/api-hub-defaults.yaml`];

const json = (args: string[], cwd?: string): { status: number; out: JsonOutput; stderr: string } => {
  const r = runCli(['validate', '--format', 'json', ...(cwd ? [] : HUB), ...args], cwd ? { cwd } : {});
  return { status: r.status, out: JSON.parse(r.stdout) as JsonOutput, stderr: r.stderr };
};

describe('api-hub validate', () => {
  it('exit 0 and a clean summary for valid files', () => {
    const r = runCli(['validate', ...HUB, `${F}/valid/adyen-3.1.yaml`, `${F}/valid/train-travel-3.1.json`]);
    expect(r.stdout).toBe('✔ no problems found\n');
    expect(r.status).toBe(0);
  });

  it('valid, with warnings: PayPal catalogs has one-schema anyOf and overlapping oneOf error schemas (Redocly warns of them too)', () => {
    const r = runCli(['validate', ...HUB, `${F}/valid/paypal-catalogs-3.0.json`, '--format', 'json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { errorCount: number; problems: Array<{ ruleId: string }> };
    expect(out.errorCount).toBe(0);
    expect(new Set(out.problems.map((p) => p.ruleId))).toEqual(new Set(['no-illogical-composition-keywords']));
  });

  it('warnings only: exit 0, and the summary counts them', () => {
    const r = runCli(['validate', ...HUB, `${F}/valid/xkcd-3.0.yaml`]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      `${F}/valid/xkcd-3.0.yaml\n` +
        '  3:5  warning  server URL `http://xkcd.com/` ends with `/`: every path starts with one, so requests get `//`  no-server-trailing-slash\n\n' +
        '✖ 1 problem (0 errors, 1 warning)\n',
    );
  });

  it('exit 1 with stylish output grouped by file', () => {
    const r = runCli(['validate', ...HUB, `${F}/struct/unknown-property.yaml`]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      `${F}/struct/unknown-property.yaml\n` +
        '  9:7  error  property `nmae` is not allowed in an Operation Object  struct\n\n' +
        '✖ 1 problem (1 error, 0 warnings)\n',
    );
    expect(r.stderr).toBe('');
  });

  it('--format json prints exactly one object of the documented shape', () => {
    const { status, out } = json([`${F}/refs/dangling.yaml`]);
    expect(status).toBe(1);
    expect(out).toEqual({
      errorCount: 1,
      warningCount: 1,
      problems: [
        {
          ruleId: 'no-unresolved-refs',
          severity: 'error',
          message: `\`$ref\` "#/components/schemas/Missing" cannot be resolved: \`/components/schemas/Missing\` does not exist in ${F}/refs/dangling.yaml`,
          file: `${F}/refs/dangling.yaml`,
          pointer: '/paths/~1pets/get/responses/200/content/application~1json/schema/$ref',
          line: 14,
          column: 17,
        },
        {
          ruleId: 'no-unused-components',
          severity: 'warn',
          message: 'component `schemas/Pet` is never used',
          file: `${F}/refs/dangling.yaml`,
          pointer: '/components/schemas/Pet',
          line: 17,
          column: 5,
        },
      ],
    });
  });

  it('exit 2 for an unreadable/unparseable file, and the other files are still validated', () => {
    const { status, out, stderr } = json([`${F}/bad/unparseable.yaml`, `${F}/nope.yaml`, `${F}/struct/response-code.yaml`, `${F}/valid/xkcd-3.0.yaml`]);
    expect(status).toBe(2);
    expect(stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    expect(out.problems.filter((p) => p.severity === 'error').map((p) => [p.file, p.ruleId])).toEqual([
      [`${F}/bad/unparseable.yaml`, 'parse-error'],
      [`${F}/nope.yaml`, 'file-unreadable'],
      [`${F}/struct/response-code.yaml`, 'struct'],
    ]);
  });

  it.each(['bad/empty.yaml', 'bad/not-openapi.yaml', 'bad/truncated.json'])('exit 2 with one problem for %s', (file) => {
    const { status, out } = json([`${F}/${file}`]);
    expect(status).toBe(2);
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]).toMatchObject({ file: `${F}/${file}`, severity: 'error' });
    expect(out.problems[0]?.line).toBeGreaterThanOrEqual(1);
  });

  it('defaults to specs/openapi.yaml in the current directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'api-hub-validate-'));
    mkdirSync(join(dir, 'specs'));
    copyFileSync(join(projectRoot, F, 'valid/minimal-3.2.yaml'), join(dir, 'specs', 'openapi.yaml'));
    const r = runCli(['validate'], { cwd: dir });
    expect(r.stdout).toBe('✔ no problems found\n');
    expect(r.status).toBe(0);
    const missing = runCli(['validate'], { cwd: join(dir, 'specs') });
    expect(missing.status).toBe(2);
    expect(missing.stdout).toMatch(/specs\/openapi\.yaml\n {2}1:1 {2}error {2}cannot read the file: file not found/);
  });

  it('warnings do not fail the run; --max-warnings does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'api-hub-validate-'));
    const write = (name: string, text: string): void => writeFileSync(join(dir, name), text);
    write('openapi.yaml', "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get: {$ref: './get.yaml'}\n");
    write('get.yaml', "responses:\n  '200': {description: OK}\n");
    expect(json(['openapi.yaml'], dir)).toMatchObject({ status: 0, out: { errorCount: 0, warningCount: 1 } });
    expect(json(['openapi.yaml', '--max-warnings', '1'], dir).status).toBe(0);
    expect(json(['openapi.yaml', '--max-warnings', '0'], dir).status).toBe(1);
  });

  it('--allow-remote-refs silences URL refs', () => {
    expect(json([`${F}/refs/url.yaml`]).status).toBe(1);
    expect(json([`${F}/refs/url.yaml`, '--allow-remote-refs']).out.errorCount).toBe(0);
  });

  it('an unknown --format is a usage error (exit 2)', () => {
    const r = runCli(['validate', '--format', 'xml', `${F}/valid/xkcd-3.0.yaml`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--format xml is unknown \(available: stylish, json, sarif, github, junit\)/);
  });

  it('multi-file description: problems in referenced files carry their own file and line', () => {
    const { status, out } = json([`${F}/refs/multi/openapi.yaml`]);
    expect(status).toBe(1);
    expect(out.problems.filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.line}:${p.column} ${p.ruleId}`)).toEqual([
      `${F}/refs/multi/paths/pets.yaml:24:11 no-unresolved-refs`,
      `${F}/refs/multi/paths/pets.yaml:26:5 struct`,
      `${F}/refs/multi/paths/pets.yaml:27:7 struct`,
    ]);
  });
});

describe('the $ref boundary is the project, not the working directory', () => {
  it('from a subfolder, a $ref to a sibling folder of the project resolves; one that leaves the project does not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'api-hub-boundary-'));
    const project = join(dir, 'project');
    mkdirSync(join(project, 'api'), { recursive: true });
    mkdirSync(join(project, 'common'), { recursive: true });
    writeFileSync(join(project, 'package.json'), '{}\n');
    writeFileSync(join(dir, 'outside.yaml'), 'type: string\n');
    writeFileSync(join(project, 'common', 'pet.yaml'), 'type: object\nproperties: {name: {type: string}}\n');
    writeFileSync(
      join(project, 'api', 'openapi.yaml'),
      "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Pet: {$ref: '../common/pet.yaml'}\n",
    );
    const inside = json(['openapi.yaml'], join(project, 'api'));
    expect(inside.out.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(inside.status).toBe(0);
    writeFileSync(
      join(project, 'api', 'openapi.yaml'),
      "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Pet: {$ref: '../../outside.yaml'}\n",
    );
    const outside = json(['openapi.yaml'], join(project, 'api'));
    expect(outside.status).toBe(1);
    expect(outside.out.problems.map((p) => p.ruleId)).toContain('ref-outside-root');
  });
});

describe.skipIf(!existsSync(shared))('real-world corpus (needs ../shared)', () => {
  it('cloudflare (4 MB JSON): the `4xx` response keys of MANIFEST.md, one error each', () => {
    const { status, out } = json([join(shared, 'cloudflare.com__cloudflare.json')]);
    expect(status).toBe(1);
    const fourxx = out.problems.filter((p) => p.message === 'property `4xx` is not allowed in a Responses Object');
    expect(fourxx.length).toBe(1034); // one per operation; MANIFEST's "20" is readme's display cap
    expect(fourxx.every((p) => p.pointer.endsWith('/responses/4xx') && p.line > 1)).toBe(true);
    // The other errors: two Schema Objects with a `name` field, and the `phase` path parameter of
    // two operations that is not in their path (Redocly reports both too); two `type: array`
    // schemas without `items`, which OpenAPI 3.0 requires (`compatibility_flags`, report_bytime's `metrics`).
    const arrayItems = 'spec-array-items: the schema is `type: array` without `items`: OpenAPI 3.0 requires `items` for arrays';
    expect(out.problems.filter((p) => p.severity === 'error' && !fourxx.includes(p)).map((p) => `${p.ruleId}: ${p.message}`)).toEqual([
      arrayItems,
      'struct: property `name` is not allowed in a Schema Object',
      'struct: property `name` is not allowed in a Schema Object',
      arrayItems,
      expect.stringMatching(/^path-parameters-defined: the operation does not declare the path parameter `\{ruleset_phase\}`/),
      expect.stringMatching(/^path-parameters-defined: path parameter `phase` is not in the path/),
      expect.stringMatching(/^path-parameters-defined: the operation does not declare the path parameter `\{ruleset_phase\}`/),
      expect.stringMatching(/^path-parameters-defined: path parameter `phase` is not in the path/),
    ]);
  });

  it('DigitalOcean multi-file spec validates without crashing: no errors, a warning per non-standard $ref', () => {
    const { status, out } = json([join(shared, 'digitalocean.com__v2/specification/DigitalOcean-public.v2.yaml')]);
    expect(status).toBe(0);
    expect(out.errorCount).toBe(0);
    expect(out.problems.filter((p) => p.ruleId === 'ref-not-allowed').length).toBeGreaterThan(600);
  });
});

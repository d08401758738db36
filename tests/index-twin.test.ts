// validate reads specs/openapi.index.json instead of parsing specs/openapi.yaml when the index mirrors
// the YAML (src/project/index-twin.ts). That is sound only if the index's document equals the parsed
// YAML, value for value and in key order, and if any other YAML is parsed as usual.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseText } from '../src/core/parse.js';
import { indexTwin } from '../src/project/index-twin.js';
import { projectRoot, runCli } from './helpers/cli.js';

const yamlPath = join(projectRoot, 'specs', 'openapi.yaml');
const dir = mkdtempSync(join(tmpdir(), 'api-hub-twin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the JSON index as the parsed twin of the built YAML', () => {
  it('equals the parsed YAML of the committed build, value for value and in key order', async () => {
    const text = readFileSync(yamlPath, 'utf8');
    const twin = await indexTwin(yamlPath, text);
    expect(twin?.member).toBe('document');
    const parsed = parseText(text, yamlPath);
    if (!parsed.ok) throw new Error(parsed.problem.message);
    expect(JSON.stringify(twin?.data)).toBe(JSON.stringify(parsed.value.data));
  });

  it('is not used for a YAML edited since the build, nor for a file without an index', async () => {
    const text = readFileSync(yamlPath, 'utf8');
    expect(await indexTwin(yamlPath, `${text}\n# edited\n`)).toBeUndefined();
    expect(await indexTwin(join(projectRoot, 'redocly.yaml'), readFileSync(join(projectRoot, 'redocly.yaml'), 'utf8'))).toBeUndefined();
  });

  it('gives validate the same verdict as parsing the YAML, and a YAML edited since the build is validated as it is', () => {
    const specs = join(dir, 'specs');
    mkdirSync(specs, { recursive: true });
    copyFileSync(yamlPath, join(specs, 'openapi.yaml'));
    copyFileSync(join(projectRoot, 'redocly.yaml'), join(dir, 'redocly.yaml'));
    const run = () => runCli(['validate', '--no-cache', '--format', 'json', 'specs/openapi.yaml'], { cwd: dir });
    const parsed = run();
    copyFileSync(join(projectRoot, 'specs', 'openapi.index.json'), join(specs, 'openapi.index.json'));
    const twin = run();
    expect(twin.stderr).toBe('');
    expect(twin.stdout).toBe(parsed.stdout);
    expect(JSON.parse(twin.stdout).warningCount).toBeGreaterThan(0);
    // An edit after the build: the index no longer mirrors the YAML, which is what gets validated.
    const text = readFileSync(join(specs, 'openapi.yaml'), 'utf8');
    writeFileSync(join(specs, 'openapi.yaml'), text.replace("openapi: '3.1.0'", "openapi: '3.1.0'\nx-edited: {$ref: '#/nowhere'}"));
    const edited = JSON.parse(run().stdout) as { problems: Array<{ ruleId: string }> };
    expect(edited.problems.some((p) => p.ruleId === 'no-unresolved-refs')).toBe(true);
  });

  it('is not used when its hash matches but its JSON does not parse: both threads then take the YAML', () => {
    const specs = join(dir, 'broken', 'specs');
    mkdirSync(specs, { recursive: true });
    copyFileSync(yamlPath, join(specs, 'openapi.yaml'));
    copyFileSync(join(projectRoot, 'redocly.yaml'), join(dir, 'broken', 'redocly.yaml'));
    const run = () => runCli(['validate', '--no-cache', '--format', 'json', 'specs/openapi.yaml'], { cwd: join(dir, 'broken') });
    const parsed = run();
    const index = readFileSync(join(projectRoot, 'specs', 'openapi.index.json'), 'utf8');
    // The second thread is handed these bytes as soon as the hash matches, before the main thread parses them.
    writeFileSync(join(specs, 'openapi.index.json'), index.slice(0, Math.floor(index.length / 2)));
    const broken = run();
    expect(broken.stderr).toBe('');
    expect(broken.stdout).toBe(parsed.stdout);
    expect(
      runCli(['validate', '--no-cache', '--format', 'json', 'specs/openapi.yaml'], { cwd: join(dir, 'broken'), env: { API_HUB_THREADS: '0' } }).stdout,
    ).toBe(parsed.stdout);
  });
});

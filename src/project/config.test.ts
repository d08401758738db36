import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configErrors, createConfig, loadConfig, loadPushConfig } from './config.js';
import { findConfigFiles } from './config-files.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'api-hub-config-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the project configuration: api-hub.config.yaml + redocly.yaml + ignore file', () => {
  it('gives the defaults when there is no file', async () => {
    const c = await loadConfig(root);
    expect(c.files).toEqual({ root, ignore: join(root, '.api-hub-ignore.yaml') });
    expect(c.push.options.endpointOverwriteBehavior).toBe('OVERWRITE_EXISTING');
    expect(c.build).toEqual({ providers: [], build: {} });
    expect(c.lint.preset).toBe('api-hub'); // no redocly.yaml: the hub's own defaults (errors only for the specification's MUSTs)
    expect(c.ignore.size).toBe(0);
    expect(configErrors(c.problems.push, c.problems.build, c.problems.lint, c.problems.ignore)).toEqual([]);
  });

  it('reads every file once, each section by its stage', async () => {
    await writeFile(join(root, 'api-hub.config.yaml'), 'push:\n  moduleId: 4\nbuild:\n  danglingRefs: quarantine\n');
    await writeFile(join(root, 'redocly.yaml'), 'extends: [recommended]\nrules:\n  no-empty-servers: error\n');
    await writeFile(join(root, '.api-hub-ignore.yaml'), 'specs/openapi.yaml:\n  no-unused-components:\n    - "#/components/schemas/X"\n');
    const c = await loadConfig(root);
    expect(c.push.options.moduleId).toBe(4);
    expect(c.build.build.danglingRefs).toBe('quarantine');
    expect(c.lint.rules.all['no-empty-servers']).toBe('error');
    expect(c.texts.lint).toContain('no-empty-servers');
    expect(c.texts.ignore).toContain('no-unused-components');
    expect(configErrors(c.problems.push, c.problems.build, c.problems.lint, c.problems.ignore)).toEqual([]);
  });

  it('keeps problems per section, with file, pointer and line', async () => {
    await writeFile(join(root, 'api-hub.config.yaml'), 'push:\n  projectId: 1\nproviders:\n  - name: Yelp\n    source: a.yaml\n');
    const c = await loadConfig(root);
    expect(c.problems.build[0]).toMatchObject({ file: 'api-hub.config.yaml', pointer: '/providers/0/name', line: 4 });
    expect(c.problems.push[0]).toMatchObject({ file: 'api-hub.config.yaml', pointer: '/push/projectId', line: 2 });
    await expect(loadPushConfig(root)).rejects.toThrow(/api-hub.config.yaml is not valid; nothing was pushed/);
  });

  it('an unparseable api-hub.config.yaml is a problem of every section that reads it', async () => {
    await writeFile(join(root, 'api-hub.config.yaml'), 'push:\n  moduleId: [4\n');
    const c = await loadConfig(root);
    for (const list of [c.problems.push, c.problems.build]) {
      expect(list[0]).toMatchObject({ severity: 'error', file: 'api-hub.config.yaml' });
      expect(list[0]?.line).toBeGreaterThan(0);
    }
  });

  it('finds api-hub.config.json, and redocly.yaml in a parent folder; the ignore file follows redocly.yaml', async () => {
    await writeFile(join(root, 'redocly.yaml'), 'rules: {}\n');
    const sub = await mkdtemp(join(root, 'sub-'));
    await writeFile(join(sub, 'api-hub.config.json'), '{ "push": { "locale": "ja-JP" } }');
    const files = findConfigFiles(sub);
    expect(files).toEqual({ root: sub, hub: join(sub, 'api-hub.config.json'), lint: join(root, 'redocly.yaml'), ignore: join(root, '.api-hub-ignore.yaml') });
    expect((await loadConfig(sub)).push.locale).toBe('ja-JP');
  });

  it('x-api-hub.ignoreFile moves the ignore file; --ignore-file wins', async () => {
    await writeFile(join(root, 'redocly.yaml'), 'x-api-hub:\n  ignoreFile: baseline.yaml\n');
    expect((await loadConfig(root)).files.ignore).toBe(join(root, 'baseline.yaml'));
    expect((await loadConfig(root, { ignoreFile: 'other.yaml' })).files.ignore).toBe(join(root, 'other.yaml'));
  });

  it('a broken redocly.yaml or ignore file stops a push', async () => {
    await writeFile(join(root, 'redocly.yaml'), 'rules:\n  no-empty-servers: loud\n');
    await expect(loadPushConfig(root)).rejects.toThrow(/validation setup/);
  });

  it('createConfig builds the same from objects (tests)', async () => {
    const c = await createConfig({ hub: { push: { locale: 'de-DE' } }, lint: { rules: { 'no-empty-servers': 'off' } } }, root);
    expect(c.push.locale).toBe('de-DE');
    expect(c.lint.rules.all['no-empty-servers']).toBe('off');
  });
});

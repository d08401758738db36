import { describe, it, expect } from 'vitest';
import { createBuildConfig as createConfig } from './config.js';

describe('build configuration', () => {
  it.each([
    ['no file or an empty one', undefined, { providers: [], build: {} }],
    ["other stages' keys are left alone", { push: { projectId: 1 }, providers: [] }, { providers: [], build: {} }],
    [
      'a provider with every option',
      {
        providers: [
          {
            name: 'yelp',
            source: 'specs/yelp.yaml',
            label: 'Yelp',
            pathPrefix: '/yelp',
            operationIdPrefix: 'yelp_',
            prefixScope: 'all',
            server: 'https://api.yelp.com/v3',
          },
        ],
        build: { danglingRefs: 'quarantine' },
      },
      {
        providers: [
          {
            name: 'yelp',
            source: 'specs/yelp.yaml',
            label: 'Yelp',
            pathPrefix: '/yelp',
            operationIdPrefix: 'yelp_',
            prefixScope: 'all',
            server: 'https://api.yelp.com/v3',
          },
        ],
        build: { danglingRefs: 'quarantine' },
      },
    ],
    [
      'routes added to a built-in provider from a selection of another document',
      {
        providers: [
          {
            name: 'openai',
            provider: 'comet',
            source: 'specs/providers/openai/openapi.json',
            server: 'https://api.cometapi.com',
            basePath: '/v1',
            paths: ['POST /chat/completions', '/models'],
            overlays: ['specs/providers/comet/overlays/openai-routes.yaml'],
          },
        ],
      },
      {
        providers: [
          {
            name: 'openai',
            provider: 'comet',
            source: 'specs/providers/openai/openapi.json',
            server: 'https://api.cometapi.com',
            basePath: '/v1',
            paths: ['POST /chat/completions', '/models'],
            overlays: ['specs/providers/comet/overlays/openai-routes.yaml'],
          },
        ],
        build: {},
      },
    ],
  ])('accepts %s', async (_name, given, want) => {
    expect(await createConfig(given)).toEqual({ config: want });
  });

  it.each([
    ['a missing source', { providers: [{ name: 'x' }] }, '/providers/0', 'missing source'],
    ['a built-in name', { providers: [{ name: 'fal', source: 'a.yaml' }] }, '/providers/0/name', 'built-in'],
    ['an unknown key', { providers: [{ name: 'x', source: 'a.yaml', prefix: '/x' }] }, '/providers/0', 'unknown key prefix'],
    ['a bad path prefix', { providers: [{ name: 'x', source: 'a.yaml', pathPrefix: 'x/' }] }, '/providers/0/pathPrefix', 'starts with /'],
    [
      'a duplicate name',
      {
        providers: [
          { name: 'x', source: 'a.yaml' },
          { name: 'x', source: 'b.yaml' },
        ],
      },
      '/providers/1/name',
      'used twice',
    ],
    [
      'a paths entry that is not a path',
      { providers: [{ name: 'x', source: 'a.yaml', paths: ['chat/completions'] }] },
      '/providers/0/paths/0',
      "'/path' (every method) or 'METHOD /path'",
    ],
    ['an empty paths list', { providers: [{ name: 'x', source: 'a.yaml', paths: [] }] }, '/providers/0/paths', 'must NOT have fewer than 1 items'],
    ['a base path with a trailing /', { providers: [{ name: 'x', source: 'a.yaml', basePath: '/v1/' }] }, '/providers/0/basePath', 'a path such as /v1'],
    ['a bad policy', { build: { danglingRefs: 'ignore' } }, '/build/danglingRefs', 'patch, quarantine'],
  ])('reports %s with a pointer', async (_name, given, pointer, text) => {
    const r = await createConfig(given, 'api-hub.config.yaml');
    expect(r.problems?.[0]).toMatchObject({ ruleId: 'config-invalid', severity: 'error', pointer, file: 'api-hub.config.yaml' });
    expect(r.problems?.[0]?.message).toContain(text);
  });
});

describe('build configuration schema', () => {
  it('names the same built-in providers as the code', async () => {
    const { readFile } = await import('node:fs/promises');
    const { BUILT_IN_PROVIDERS } = await import('./config.js');
    const schema = JSON.parse(await readFile(new URL('./config.schema.json', import.meta.url), 'utf8'));
    expect(schema.properties.providers.items.properties.name.not.enum).toEqual([...BUILT_IN_PROVIDERS]);
  });

  it('has an up-to-date precompiled validator (and so have the OpenAPI schemas)', async () => {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, ['scripts/build-validators.mjs', '--check'], { cwd: new URL('../..', import.meta.url), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

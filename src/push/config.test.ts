import { describe, expect, it } from 'vitest';
import { createPushConfig as createConfig, DEFAULT_PUSH_CONFIG } from './config.js';

describe('createConfig', () => {
  it.each([
    ['nothing', undefined],
    ['null (an empty file)', null],
    ['only other sections', { build: { overlays: 'x' }, providers: { fal: {} } }],
    ['an empty push section', { push: null }],
  ])('%s gives the defaults: update in place, never delete', (_name, given) => {
    const config = createConfig(given);
    expect(config.diagnostics).toEqual([]);
    expect(config.push).toEqual(DEFAULT_PUSH_CONFIG);
    expect(config.push.options).toEqual({ endpointOverwriteBehavior: 'OVERWRITE_EXISTING', schemaOverwriteBehavior: 'OVERWRITE_EXISTING' });
    expect('deleteUnmatchedResources' in config.push.options).toBe(false);
  });

  it('leaves the sections of other stages alone', () => {
    const config = createConfig({ build: { overlays: 'specs/overlays' }, push: { locale: 'de-DE' } });
    expect(config.diagnostics).toEqual([]);
    expect(config.push.locale).toBe('de-DE');
  });

  it('reads every documented option', () => {
    const push = {
      spec: 'specs/other.yaml',
      endpointOverwriteBehavior: 'KEEP_EXISTING',
      schemaOverwriteBehavior: 'CREATE_NEW',
      updateFolderOfChangedEndpoint: false,
      prependBasePath: false,
      targetEndpointFolderId: 0,
      targetSchemaFolderId: 7,
      targetBranchId: 3,
      moduleId: 9,
      deleteUnmatchedResources: true,
    };
    const config = createConfig({ push });
    expect(config.diagnostics).toEqual([]);
    const { spec, ...options } = push;
    expect(config.push).toEqual({ spec, locale: 'en-US', options });
  });

  it.each([
    ['a push that is not a mapping', { push: ['x'] }, '/push', '`push` must be a mapping'],
    [
      'an unknown behaviour',
      { push: { schemaOverwriteBehavior: 'MERGE' } },
      '/push/schemaOverwriteBehavior',
      'must be one of OVERWRITE_EXISTING, AUTO_MERGE, KEEP_EXISTING, CREATE_NEW, not "MERGE"',
    ],
    ['a string for a boolean', { push: { deleteUnmatchedResources: 'yes' } }, '/push/deleteUnmatchedResources', 'must be true or false, not "yes"'],
    ['a negative id', { push: { targetBranchId: -1 } }, '/push/targetBranchId', 'must be a whole number >= 0'],
    ['an empty spec', { push: { spec: ' ' } }, '/push/spec', 'must be a non-empty string'],
    ['a typo', { push: { deleteUnmatchedResource: true } }, '/push/deleteUnmatchedResource', 'unknown key `push.deleteUnmatchedResource`'],
    ['a list at the top', ['push'], '', 'must be a mapping of sections'],
  ])('%s is an error with a pointer', (_name, given, ptr, message) => {
    const { diagnostics } = createConfig(given, 'api-hub.config.yaml');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'config-invalid', severity: 'error', pointer: ptr, file: 'api-hub.config.yaml' });
    expect(diagnostics[0]?.message).toContain(message);
  });

  it('suggests the key a typo meant', () => {
    expect(createConfig({ push: { deleteUnmatchedResource: true } }).diagnostics[0]?.suggestion).toBe('did you mean `deleteUnmatchedResources`?');
  });
});

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as hub from '../src/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('the package as a library (src/index.ts, the README example)', () => {
  it('exports the project layer and every stage entry point', () => {
    for (const name of [
      'loadConfig',
      'createConfig',
      'validateInProject',
      'runBuild',
      'runGenerate',
      'loadSnapshots',
      'HubCatalog',
      'runLiveFetch',
      'importFromFiles',
      'buildUnified',
      'buildRegistry',
      'validateFiles',
      'generate',
      'diffDocuments',
      'pushToApidog',
      'pullFromApidog',
      'createServer',
      'runUsage',
    ]) {
      expect(typeof (hub as Record<string, unknown>)[name], name).toBe('function');
    }
  });

  it('builds (check only) and validates the committed snapshot as the CLI does', async () => {
    const config = await hub.loadConfig(root);
    const build = await hub.runBuild(config.files.root, { check: true });
    expect(build.stale).toEqual([]);
    const result = await hub.validateInProject(config, ['specs/openapi.yaml']);
    expect(result.fatal).toBeFalsy();
    expect(result.errorCount).toBe(0);
  });
});

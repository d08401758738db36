import { mkdtemp, mkdir, copyFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './cli.js';

export const fixtures = join(projectRoot, 'tests', 'fixtures');
export const falPages = [join(fixtures, 'fal-pages', 'page-1.json'), join(fixtures, 'fal-pages', 'page-2.json')];
export const cometModels = join(fixtures, 'comet', 'v1-models.json');
export const cometSpec = join(projectRoot, 'specs', 'providers', 'comet', 'openapi.yaml');

/** An empty project directory in the system temp dir; remove it with `cleanup`. */
export async function tempProject(options: { withCometSpec?: boolean } = {}): Promise<{ root: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'api-hub-test-'));
  if (options.withCometSpec !== false) {
    await mkdir(join(root, 'specs', 'providers', 'comet'), { recursive: true });
    await copyFile(cometSpec, join(root, 'specs', 'providers', 'comet', 'openapi.yaml'));
  }
  return { root, cleanup: () => rm(root, { recursive: true, force: true }) };
}

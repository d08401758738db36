import { mkdtemp, mkdir, copyFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './cli.js';

export const fixtures = join(projectRoot, 'tests', 'fixtures');
export const falPages = [join(fixtures, 'fal-pages', 'page-1.json'), join(fixtures, 'fal-pages', 'page-2.json')];
export const cometModels = join(fixtures, 'comet', 'v1-models.json');
export const cometSpec = join(projectRoot, 'specs', 'providers', 'comet', 'openapi.yaml');
/** OpenAI's document trimmed to the routes the project's api-hub.config.yaml imports for Comet (see its README). */
export const openaiRoutes = join(fixtures, 'openai', 'openapi.json');

/** An empty project directory in the system temp dir; remove it with `cleanup`. */
export async function tempProject(options: { withCometSpec?: boolean } = {}): Promise<{ root: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'api-hub-test-'));
  if (options.withCometSpec !== false) {
    await mkdir(join(root, 'specs', 'providers', 'comet'), { recursive: true });
    await copyFile(cometSpec, join(root, 'specs', 'providers', 'comet', 'openapi.yaml'));
    // Comet's OpenAI-compatible routes come from OpenAI's document through the project's configuration.
    await mkdir(join(root, 'specs', 'providers', 'comet', 'overlays'), { recursive: true });
    await mkdir(join(root, 'specs', 'providers', 'openai'), { recursive: true });
    await copyFile(join(projectRoot, 'api-hub.config.yaml'), join(root, 'api-hub.config.yaml'));
    await copyFile(
      join(projectRoot, 'specs', 'providers', 'comet', 'overlays', 'openai-routes.yaml'),
      join(root, 'specs', 'providers', 'comet', 'overlays', 'openai-routes.yaml'),
    );
    await copyFile(openaiRoutes, join(root, 'specs', 'providers', 'openai', 'openapi.json'));
  }
  return { root, cleanup: () => rm(root, { recursive: true, force: true }) };
}

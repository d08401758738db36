import { copyFile, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './helpers/cli.js';

/** The small unified document the generate tests run on (shaped like specs/openapi.yaml). */
export const fixturePath = join(projectRoot, 'tests', 'fixtures', 'generate', 'unified.yaml');
/** Where the golden output of the fixture lives; tests/consumer compiles against it. */
export const goldenDir = join(projectRoot, 'tests', 'consumer', 'generated');
export const goldenSource = 'tests/fixtures/generate/unified.yaml';

const made: string[] = [];

/** A temp project root with the fixture as specs/openapi.yaml (unless `withSpec` is false). */
export async function makeTempProject(withSpec = true): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'api-hub-generate-'));
  made.push(dir);
  if (withSpec) {
    await mkdir(join(dir, 'specs'), { recursive: true });
    await copyFile(fixturePath, join(dir, 'specs', 'openapi.yaml'));
  }
  return dir;
}

/** Make `import 'openapi-fetch'` resolve inside a temp project, as an installed dependency would. */
export async function linkOpenapiFetch(dir: string): Promise<void> {
  await mkdir(join(dir, 'node_modules'), { recursive: true });
  await symlink(join(projectRoot, 'node_modules', 'openapi-fetch'), join(dir, 'node_modules', 'openapi-fetch'), 'dir');
}

export async function removeTempProjects(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

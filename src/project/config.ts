import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../core/diagnostic.js';
import { HubError } from '../core/errors.js';
import { displayPath } from '../core/paths.js';
import { parseText } from '../core/parse.js';
import { createBuildConfig, type HubBuildConfig } from '../normalize/config.js';
import { createPushConfig, type PushConfig } from '../push/config.js';
import { createConfig as createLintConfig, defaultConfig as defaultLintConfig, loadConfigText as loadLintConfigText } from '../validate/config/load-config.js';
import type { ValidateConfig } from '../validate/config/config.js';
import { parseIgnoreFile, type IgnoreList } from '../validate/ignore/ignore-file.js';
import { findConfigFiles, type ConfigFiles } from './config-files.js';

/**
 * The project's one configuration, as every face reads it: `api-hub.config.yaml`
 * (the `push:`, `providers:` and `build:` sections), `redocly.yaml` (the lint
 * rules, in Redocly's format) and the ignore file (`.api-hub-ignore.yaml`, the
 * baseline of known problems). Loadable three ways (style.md §9):
 * `findConfigFiles(root)` (no reading), `loadConfig(root)`, and
 * `createConfig(objects)` for tests.
 *
 * Problems are kept per section, because each stage decides on its own
 * section: a typo under `push:` stops a push, not a build.
 */
export interface ProjectConfig {
  files: ConfigFiles;
  push: PushConfig;
  build: HubBuildConfig;
  lint: ValidateConfig;
  ignore: IgnoreList;
  /** The texts the validation verdict depends on (the result cache's key). */
  texts: { lint: string; ignore: string };
  problems: ConfigProblems;
}

export interface ConfigProblems {
  /** api-hub.config.yaml unreadable or unparseable (it then counts for every section), or `push:` wrong. */
  push: Diagnostic[];
  /** Same file: the `providers:` and `build:` sections. */
  build: Diagnostic[];
  /** redocly.yaml. */
  lint: Diagnostic[];
  /** The ignore file. */
  ignore: Diagnostic[];
}

export interface LoadOptions {
  /** `--config`: the redocly.yaml to read instead of the one found. */
  lintConfig?: string;
  /** `--ignore-file`: the ignore file to read instead of the configured one. */
  ignoreFile?: string;
}

/** Find and read every configuration file of the project at `root`; missing files give the defaults. */
export async function loadConfig(root: string, options: LoadOptions = {}): Promise<ProjectConfig> {
  const files = findConfigFiles(root, {
    ...(options.lintConfig ? { lint: options.lintConfig } : {}),
    ...(options.ignoreFile ? { ignore: options.ignoreFile } : {}),
  });
  const hub = files.hub ? await readHubFile(files.hub, files.root) : { data: undefined, text: '', problems: [] };
  const lintText = files.lint ? await readText(files.lint) : { text: '' };
  const lint = files.lint
    ? lintText.problem
      ? {
          config: defaultLintConfig(files.root),
          problems: [
            {
              ruleId: 'config',
              severity: 'error' as const,
              message: `cannot read the config file: ${lintText.problem}`,
              file: displayPath(files.root, files.lint),
              pointer: '',
            },
          ],
        }
      : loadLintConfigText(lintText.text, files.lint, displayPath(files.root, files.lint))
    : { config: defaultLintConfig(files.root), problems: [] };
  // `x-api-hub.ignoreFile` in redocly.yaml moves the ignore file; --ignore-file wins over both.
  if (!options.ignoreFile && files.lint && lint.config.ignoreFile !== files.ignore) files.ignore = lint.config.ignoreFile;
  const ignoreText = await readText(files.ignore);
  return assemble(files, hub, { config: lint.config, problems: lint.problems, text: lintText.text }, ignoreText);
}

/** The configuration from objects and texts (tests, and faces that hold no files). */
export async function createConfig(given: { hub?: unknown; lint?: unknown; ignore?: string } = {}, root = process.cwd()): Promise<ProjectConfig> {
  const files = findConfigFiles(root);
  const lint = given.lint === undefined ? { config: defaultLintConfig(files.root), problems: [] } : createLintConfig(given.lint, { dir: files.root });
  return assemble(
    { root: files.root, ignore: files.ignore },
    { data: given.hub, text: '', problems: [] },
    { ...lint, text: given.lint === undefined ? '' : JSON.stringify(given.lint) },
    { text: given.ignore ?? '' },
  );
}

async function assemble(
  files: ConfigFiles,
  hub: { data: unknown; text: string; problems: Diagnostic[] },
  lint: { config: ValidateConfig; problems: Diagnostic[]; text: string },
  ignoreText: { text: string; problem?: string },
): Promise<ProjectConfig> {
  const display = files.hub ? displayPath(files.root, files.hub) : undefined;
  const push = createPushConfig(hub.data, display);
  const build = await createBuildConfig(hub.data, display);
  const ignoreDisplay = displayPath(files.root, files.ignore);
  const ignore = ignoreText.problem
    ? {
        ignore: parseIgnoreFile('', ignoreDisplay).ignore,
        problems: [
          { ruleId: 'config', severity: 'error' as const, message: `cannot read the ignore file: ${ignoreText.problem}`, file: ignoreDisplay, pointer: '' },
        ],
      }
    : parseIgnoreFile(ignoreText.text, ignoreDisplay);
  const buildProblems = build.problems ? await locate(build.problems, files, hub.text) : [];
  return {
    files,
    push: push.push,
    build: build.config ?? { ...(display ? { file: display } : {}), providers: [], build: {} },
    lint: lint.config,
    ignore: ignore.ignore,
    texts: { lint: lint.text, ignore: ignoreText.text },
    problems: {
      push: [...hub.problems, ...(await locate(push.diagnostics, files, hub.text))],
      build: [...hub.problems, ...buildProblems],
      lint: lint.problems,
      ignore: ignore.problems,
    },
  };
}

/** The errors among `problems` (warnings never stop a stage). */
export function configErrors(...lists: Diagnostic[][]): Diagnostic[] {
  return lists.flat().filter((d) => d.severity === 'error');
}

async function readHubFile(path: string, root: string): Promise<{ data: unknown; text: string; problems: Diagnostic[] }> {
  const display = displayPath(root, path);
  const read = await readText(path);
  if (read.problem)
    return {
      data: undefined,
      text: '',
      problems: [{ ruleId: 'config-unreadable', severity: 'error', message: `cannot read (${read.problem})`, file: display }],
    };
  const parsed = parseText(read.text, display);
  if (!parsed.ok) return { data: undefined, text: read.text, problems: [parsed.problem] };
  return { data: parsed.value.data, text: read.text, problems: [] };
}

/** Line and column for problems that carry only a pointer into api-hub.config.yaml. */
async function locate(problems: Diagnostic[], files: ConfigFiles, text: string): Promise<Diagnostic[]> {
  if (problems.length === 0 || !files.hub) return problems;
  const { locatePointers } = await import('../core/positions.js');
  const format = files.hub.endsWith('.json') ? 'json' : 'yaml';
  const positions = locatePointers(
    text,
    format,
    problems.map((p) => p.pointer ?? ''),
  );
  return problems.map((p) => (p.line === undefined ? { ...p, ...positions.get(p.pointer ?? '') } : p));
}

async function readText(path: string): Promise<{ text: string; problem?: string }> {
  try {
    return { text: await readFile(path, 'utf8') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { text: '' } : { text: '', problem: code ?? (err as Error).message };
  }
}

/**
 * The configuration for a push or a pull: a wrong `push:` section, redocly.yaml
 * or ignore file stops it (exit 2) before anything is sent, because the verdict
 * on the document would not be the project's.
 */
export async function loadPushConfig(root: string, what = 'nothing was pushed'): Promise<ProjectConfig> {
  const config = await loadConfig(root);
  const push = configErrors(config.problems.push);
  if (push.length > 0) throw new HubError(`${push[0]?.file ?? 'api-hub.config.yaml'} is not valid; ${what}`, { diagnostics: push });
  const rules = configErrors(config.problems.lint, config.problems.ignore);
  if (rules.length > 0) throw new HubError(`the validation setup (redocly.yaml or its ignore file) is not valid; ${what}`, { diagnostics: rules });
  return config;
}

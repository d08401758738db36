import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import yaml from 'js-yaml';
import type { Diagnostic } from '../../core/diagnostic.js';
import { locatePointers } from '../../core/positions.js';
import { pointer } from '../../core/pointer.js';
import { isObject } from '../../core/json.js';
import { CORE_SCHEMA_FAST } from '../../core/yaml-schema.js';
import { findConfigFile } from './find.js';
import { REDOCLY_PRESETS, REDOCLY_RULE_NAMES, type Preset } from './redocly-presets.js';
import { rules as hubRules } from '../rules/index.js';
import { IGNORE_FILE_NAME, VERSION_BLOCKS, emptyOverrides, type ApiConfig, type RuleOverrides, type RuleSetting, type ValidateConfig } from './config.js';

export interface ConfigResult {
  config: ValidateConfig;
  /** Problems in the configuration, with pointers (and line/column when loaded from a file). */
  problems: Diagnostic[];
}

const PRESETS: ReadonlySet<string> = new Set(REDOCLY_PRESETS);
const SETTINGS = new Set(['error', 'warn', 'off']);

/** The first Redocly config file in `dir` or a parent directory, or undefined. */
export function findConfig(dir: string): string | undefined {
  return findConfigFile(dir);
}

/** Read and check a config file. A file that cannot be read or parsed is one problem; the defaults apply. */
export function loadConfig(path: string, display = path): ConfigResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { config: defaults(dirname(path)), problems: [problem(display, '', `cannot read the config file: ${(err as Error).message}`)] };
  }
  return loadConfigText(text, path, display);
}

/** Config from the text of a file (exported for the CLI's cache key and for tests). */
export function loadConfigText(text: string, path: string, display = path): ConfigResult {
  let data: unknown;
  try {
    data = text.trim() === '' ? {} : yaml.load(text, { schema: CORE_SCHEMA_FAST });
  } catch (err) {
    const mark = (err as { mark?: { line?: number; column?: number } }).mark;
    return {
      config: defaults(dirname(path)),
      problems: [
        {
          ...problem(display, '', `invalid YAML in the config file: ${(err as { reason?: string }).reason ?? (err as Error).message}`),
          line: (mark?.line ?? 0) + 1,
          column: (mark?.column ?? 0) + 1,
        },
      ],
    };
  }
  const r = createConfig(data ?? {}, { dir: dirname(path), file: path, display });
  if (r.problems.length > 0) {
    const pos = locatePointers(
      text,
      'yaml',
      r.problems.map((p) => p.pointer ?? ''),
    );
    for (const p of r.problems) {
      const at = pos.get(p.pointer ?? '');
      if (at) Object.assign(p, at);
    }
  }
  return r;
}

/** Config from an object (tests, the MCP server). Problems carry pointers into `object`. */
export function createConfig(object: unknown, options: { dir: string; file?: string; display?: string }): ConfigResult {
  const display = options.display ?? options.file ?? 'config';
  const problems: Diagnostic[] = [];
  const config = defaults(options.dir);
  // A config file means Redocly's presets; with no `extends`, Redocly's `recommended`.
  config.preset = 'recommended';
  config.setAt = { rules: new Map() };
  if (options.file) config.file = options.file;
  config.display = display;
  if (!isObject(object)) {
    problems.push(problem(display, '', 'the config must be a mapping (`rules:`, `extends:`, ...)'));
    return { config, problems };
  }
  const ext = object.extends;
  const presets = ext === undefined ? [] : Array.isArray(ext) ? ext : [ext];
  presets.forEach((p, i) => {
    const at = Array.isArray(ext) ? pointer('extends', i) : pointer('extends');
    if (typeof p === 'string' && PRESETS.has(p)) {
      config.preset = p as Preset;
      config.setAt!.extends = at;
    } else
      problems.push(problem(display, at, `\`extends: ${String(p)}\` is not a preset api-hub knows (${REDOCLY_PRESETS.join(', ')}); it is ignored`, 'warn'));
  });
  readRules(object, [], config.rules, problems, display, config.setAt.rules);
  const hub = object['x-api-hub'];
  if (hub !== undefined) {
    if (!isObject(hub)) problems.push(problem(display, '/x-api-hub', '`x-api-hub` must be a mapping'));
    else {
      readRules(hub, ['x-api-hub'], config.rules, problems, display, config.setAt.rules);
      if (hub.preset !== undefined) {
        // api-hub's own defaults (or another preset) for api-hub, whatever `extends` says for Redocly.
        if (hub.preset === 'api-hub' || (typeof hub.preset === 'string' && PRESETS.has(hub.preset))) {
          config.preset = hub.preset as Preset;
          config.setAt.extends = '/x-api-hub/preset';
        } else
          problems.push(
            problem(display, '/x-api-hub/preset', `\`x-api-hub.preset\` must be api-hub or one of Redocly's presets (${REDOCLY_PRESETS.join(', ')})`),
          );
      }
      if (hub.ignoreFile !== undefined) {
        if (typeof hub.ignoreFile === 'string') config.ignoreFile = resolve(options.dir, hub.ignoreFile);
        else problems.push(problem(display, '/x-api-hub/ignoreFile', '`ignoreFile` must be a path'));
      }
      if (hub.allowRemoteRefs !== undefined) {
        if (typeof hub.allowRemoteRefs === 'boolean') config.allowRemoteRefs = hub.allowRemoteRefs;
        else problems.push(problem(display, '/x-api-hub/allowRemoteRefs', '`allowRemoteRefs` must be true or false'));
      }
    }
  }
  const apis = object.apis;
  if (apis !== undefined) {
    if (!isObject(apis)) problems.push(problem(display, '/apis', '`apis` must be a mapping of API names'));
    else {
      for (const [name, api] of Object.entries(apis)) {
        if (!isObject(api) || typeof api.root !== 'string') {
          problems.push(problem(display, pointer('apis', name), `API \`${name}\` needs a \`root\` (the path of its root document)`));
          continue;
        }
        const entry: ApiConfig = { name, root: resolve(options.dir, api.root), rules: emptyOverrides() };
        readRules(api, ['apis', name], entry.rules, problems, display, config.setAt.rules);
        const apiHub = api['x-api-hub'];
        if (isObject(apiHub)) readRules(apiHub, ['apis', name, 'x-api-hub'], entry.rules, problems, display, config.setAt.rules);
        config.apis.push(entry);
      }
    }
  }
  return { config, problems };
}

/** Rule names a config may set: api-hub's, Redocly's, and Redocly's old name of `struct`. */
function knownRule(id: string): boolean {
  return Object.hasOwn(hubRules, id) || REDOCLY_RULE_NAMES.has(id) || id === 'struct' || id === 'spec';
}

/**
 * Redocly rules api-hub does not run: configurable rules (`rule/...`), `assertions`,
 * and plugin rules (`plugin/rule`). Set to something other than `off`, each is named
 * (a warning) in every run, see validate-files.ts.
 */
export function isForeignRule(id: string): boolean {
  return id.includes('/') || id === 'assertions';
}

function readRules(obj: Record<string, unknown>, at: string[], into: RuleOverrides, problems: Diagnostic[], display: string, setAt: Map<string, string>): void {
  const blocks: Array<[string, Record<string, RuleSetting>]> = [['rules', into.all]];
  for (const [block, version] of Object.entries(VERSION_BLOCKS)) blocks.push([block, (into.byVersion[version] ??= {})]);
  for (const [block, target] of blocks) {
    const rules = obj[block];
    if (rules === undefined) continue;
    if (!isObject(rules)) {
      problems.push(problem(display, pointer(...at, block), `\`${block}\` must be a mapping of rule names to error, warn or off`));
      continue;
    }
    for (const [id, value] of Object.entries(rules)) {
      if (!knownRule(id) && !isForeignRule(id)) {
        problems.push(
          problem(display, pointer(...at, block, id), `\`${id}\` is not a rule of api-hub or Redocly (\`api-hub validate --list-rules\` lists them)`),
        );
        continue;
      }
      if (!setAt.has(id)) setAt.set(id, pointer(...at, block, id));
      const setting = isObject(value) ? value.severity : value;
      // `spec`: Redocly's old name of `struct`.
      if (typeof setting === 'string' && SETTINGS.has(setting)) target[id === 'spec' ? 'struct' : id] = setting as RuleSetting;
      else if (isObject(value) && setting === undefined)
        continue; // options only: Redocly's business
      else {
        const where = isObject(value) ? pointer(...at, block, id, 'severity') : pointer(...at, block, id);
        problems.push(problem(display, where, `rule \`${id}\`: the severity must be error, warn or off, not ${JSON.stringify(setting)}`));
      }
    }
  }
}

function defaults(dir: string): ValidateConfig {
  return { dir, preset: 'api-hub', rules: emptyOverrides(), apis: [], ignoreFile: join(dir, IGNORE_FILE_NAME), allowRemoteRefs: false };
}

function problem(file: string, ptr: string, message: string, severity: 'error' | 'warn' = 'error'): Diagnostic {
  return { ruleId: 'config', severity, message, file, pointer: ptr };
}

/** The configuration when there is no config file. */
export function defaultConfig(dir: string): ValidateConfig {
  return defaults(dir);
}

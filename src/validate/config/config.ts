import type { Severity } from '../../core/diagnostic.js';
import type { OasVersion } from '../types.js';
import type { Preset } from './redocly-presets.js';

export type { Preset } from './redocly-presets.js';

export type RuleSetting = Severity | 'off';

/** Redocly's version-specific rule blocks, and the versions they apply to. */
export const VERSION_BLOCKS = {
  oas2Rules: '2.0',
  oas3_0Rules: '3.0',
  oas3_1Rules: '3.1',
  oas3_2Rules: '3.2',
} as const satisfies Record<string, OasVersion>;

export interface RuleOverrides {
  /** `rules:` (every version). */
  all: Record<string, RuleSetting>;
  /** `oas2Rules:`, `oas3_0Rules:`, ... */
  byVersion: Partial<Record<OasVersion, Record<string, RuleSetting>>>;
}

/** One entry of Redocly's `apis:` map: a root document with its own rule overrides. */
export interface ApiConfig {
  name: string;
  /** Absolute path of the API's root document. */
  root: string;
  rules: RuleOverrides;
}

/**
 * The validator's configuration, from `redocly.yaml` (Redocly's format, so one
 * file serves both tools) or built in code. `extends` presets map to
 * api-hub's defaults; `x-api-hub` holds what only api-hub reads (Redocly
 * accepts `x-` keys silently).
 */
export interface ValidateConfig {
  /** The file it came from (absolute), if any. */
  file?: string;
  /** The file as shown in problems (relative to the project root). */
  display?: string;
  /** Directory relative paths are resolved from. */
  dir: string;
  /**
   * The last preset of `extends` (Redocly's: `minimal`, `recommended`, `recommended-strict`,
   * `all`, `spec`; `recommended` when a config file has no `extends`, like Redocly), or
   * `api-hub`: the hub's own defaults, when there is no config file.
   */
  preset: Preset;
  /** Where each preset and configured rule is set (JSON pointers into the config file), to point at it. */
  setAt?: { extends?: string; rules: Map<string, string> };
  rules: RuleOverrides;
  apis: ApiConfig[];
  /** Ignore file (absolute path); default `.api-hub-ignore.yaml` beside the config. */
  ignoreFile: string;
  allowRemoteRefs: boolean;
}

export const IGNORE_FILE_NAME = '.api-hub-ignore.yaml';
export const CONFIG_FILE_NAMES = ['redocly.yaml', 'redocly.yml', '.redocly.yaml', '.redocly.yml'] as const;

export function emptyOverrides(): RuleOverrides {
  return { all: {}, byVersion: {} };
}

/** The setting of every rule the user configured for a document: preset, then `rules`, version block, then the matching API's. */
export function configuredRules(config: ValidateConfig, version: OasVersion, rootPath: string): Map<string, RuleSetting> {
  const out = new Map<string, RuleSetting>();
  const apply = (o: RuleOverrides): void => {
    for (const [k, v] of Object.entries(o.all)) out.set(k, v);
    for (const [k, v] of Object.entries(o.byVersion[version] ?? {})) out.set(k, v);
  };
  apply(config.rules);
  for (const api of config.apis) if (api.root === rootPath) apply(api.rules);
  return out;
}

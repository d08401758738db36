import type { Severity } from '../../core/diagnostic.js';
import type { OasVersion } from '../types.js';

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
  /** Directory relative paths are resolved from. */
  dir: string;
  preset: 'recommended' | 'recommended-strict' | 'all' | 'minimal';
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

import type { Diagnostic } from '../core/diagnostic.js';
import { isObject } from '../core/json.js';
import { pointer } from '../core/pointer.js';

/**
 * `api-hub.config.yaml`: one file, one top-level key per concern. This module
 * knows the `push:` section; other top-level keys (`build:`, `providers:`, ...)
 * belong to other stages and are passed through untouched in `sections`, so a
 * stage that does not know a key never rejects the file.
 *
 * ```yaml
 * push:
 *   endpointOverwriteBehavior: OVERWRITE_EXISTING   # default
 *   schemaOverwriteBehavior: OVERWRITE_EXISTING     # default
 *   deleteUnmatchedResources: false                 # only sent when set
 * ```
 */
export const CONFIG_FILE_NAME = 'api-hub.config.yaml';
/** Looked for in this order (the same names as the build's loader, src/normalize/config.ts). */
export const CONFIG_FILE_NAMES = [CONFIG_FILE_NAME, 'api-hub.config.yml', 'api-hub.config.json'] as const;

/** How Apidog treats an endpoint (matched on method + path) or schema (on name) that exists (provider-apis.md §3.2). */
export const OVERWRITE_BEHAVIORS = ['OVERWRITE_EXISTING', 'AUTO_MERGE', 'KEEP_EXISTING', 'CREATE_NEW'] as const;
export type OverwriteBehavior = (typeof OVERWRITE_BEHAVIORS)[number];

/** The `options` of Apidog's import-openapi, as configured. Absent keys are not sent. */
export interface ApidogImportOptions {
  endpointOverwriteBehavior: OverwriteBehavior;
  schemaOverwriteBehavior: OverwriteBehavior;
  updateFolderOfChangedEndpoint?: boolean;
  prependBasePath?: boolean;
  targetEndpointFolderId?: number;
  targetSchemaFolderId?: number;
  targetBranchId?: number;
  moduleId?: number;
  /** Deletes everything in the project that the pushed document does not have: sent only when configured. */
  deleteUnmatchedResources?: boolean;
}

export interface PushConfig {
  /** The document pushed, relative to the project root. */
  spec: string;
  /** `?locale=` of the Apidog API. */
  locale: string;
  options: ApidogImportOptions;
}

export interface HubConfig {
  push: PushConfig;
  /** Every top-level section as written, including ones this version does not know. */
  sections: Readonly<Record<string, unknown>>;
  /** The file it came from (display path), when there was one. */
  file?: string;
}

export interface ConfigResult {
  config: HubConfig;
  /** Errors make the config unusable (the caller refuses to run); warnings do not. */
  diagnostics: Diagnostic[];
}

export const DEFAULT_PUSH_CONFIG: PushConfig = {
  spec: 'specs/openapi.yaml',
  locale: 'en-US',
  // Update in place: re-pushing the same document never creates a second copy.
  options: { endpointOverwriteBehavior: 'OVERWRITE_EXISTING', schemaOverwriteBehavior: 'OVERWRITE_EXISTING' },
};

type Kind = 'behavior' | 'boolean' | 'id';
const OPTION_KINDS: Record<keyof ApidogImportOptions, Kind> = {
  endpointOverwriteBehavior: 'behavior',
  schemaOverwriteBehavior: 'behavior',
  updateFolderOfChangedEndpoint: 'boolean',
  prependBasePath: 'boolean',
  targetEndpointFolderId: 'id',
  targetSchemaFolderId: 'id',
  targetBranchId: 'id',
  moduleId: 'id',
  deleteUnmatchedResources: 'boolean',
};

/**
 * The config from an already-parsed object (tests, or a file's data). Never
 * throws: problems come back as diagnostics with pointers into the file.
 */
export function createConfig(object: unknown, file?: string): ConfigResult {
  const diagnostics: Diagnostic[] = [];
  const report = (ptr: string, message: string, suggestion?: string): void => {
    diagnostics.push({ ruleId: 'config-invalid', severity: 'error', message, pointer: ptr, ...(file === undefined ? {} : { file }), ...(suggestion === undefined ? {} : { suggestion }) });
  };
  const base = (sections: Record<string, unknown>): HubConfig => ({ push: clonePush(DEFAULT_PUSH_CONFIG), sections, ...(file === undefined ? {} : { file }) });
  if (object === undefined || object === null) return { config: base({}), diagnostics };
  if (!isObject(object)) {
    report('', 'the configuration must be a mapping of sections (e.g. `push:`)');
    return { config: base({}), diagnostics };
  }
  const config = base({ ...object });
  const push = object.push;
  if (push === undefined || push === null) return { config, diagnostics };
  if (!isObject(push)) {
    report(pointer('push'), '`push` must be a mapping');
    return { config, diagnostics };
  }
  for (const [key, value] of Object.entries(push)) {
    const ptr = pointer('push', key);
    if (key === 'spec' || key === 'locale') {
      if (typeof value === 'string' && value.trim() !== '') config.push[key] = value.trim();
      else report(ptr, `\`push.${key}\` must be a non-empty string`);
      continue;
    }
    const kind = OPTION_KINDS[key as keyof ApidogImportOptions] as Kind | undefined;
    if (kind === undefined) {
      const known = ['spec', 'locale', ...Object.keys(OPTION_KINDS)];
      const near = known.find((k) => k.toLowerCase() === key.toLowerCase() || k.toLowerCase().startsWith(key.toLowerCase().slice(0, 8)));
      report(ptr, `unknown key \`push.${key}\``, near ? `did you mean \`${near}\`?` : `known keys: ${known.join(', ')}`);
      continue;
    }
    const options = config.push.options as unknown as Record<string, unknown>;
    if (kind === 'behavior') {
      if (typeof value === 'string' && (OVERWRITE_BEHAVIORS as readonly string[]).includes(value)) options[key] = value;
      else report(ptr, `\`push.${key}\` must be one of ${OVERWRITE_BEHAVIORS.join(', ')}, not ${JSON.stringify(value)}`);
    } else if (kind === 'boolean') {
      if (typeof value === 'boolean') options[key] = value;
      else report(ptr, `\`push.${key}\` must be true or false, not ${JSON.stringify(value)}`);
    } else if (typeof value === 'number' && Number.isInteger(value) && value >= 0) {
      options[key] = value;
    } else {
      report(ptr, `\`push.${key}\` must be a whole number >= 0 (an Apidog id), not ${JSON.stringify(value)}`);
    }
  }
  return { config, diagnostics };
}

function clonePush(p: PushConfig): PushConfig {
  return { ...p, options: { ...p.options } };
}

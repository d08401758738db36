import type { Diagnostic } from '../core/diagnostic.js';
import { isObject } from '../core/json.js';
import { pointer } from '../core/pointer.js';

/**
 * The `push:` section of `api-hub.config.yaml` (found and read by the project
 * layer, src/project/config.ts). Other top-level keys belong to other stages
 * and are left alone, so a stage that does not know a key never rejects the file.
 *
 * ```yaml
 * push:
 *   endpointOverwriteBehavior: OVERWRITE_EXISTING   # default
 *   schemaOverwriteBehavior: OVERWRITE_EXISTING     # default
 *   deleteUnmatchedResources: false                 # only sent when set
 * ```
 */

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

export interface PushConfigResult {
  push: PushConfig;
  /** Errors make the section unusable (the caller refuses to push); warnings do not. */
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
 * The push settings from the parsed configuration file (the whole mapping; only
 * `push:` is read). Never throws: problems come back as diagnostics with
 * pointers into the file.
 */
export function createPushConfig(object: unknown, file?: string): PushConfigResult {
  const diagnostics: Diagnostic[] = [];
  const report = (ptr: string, message: string, suggestion?: string): void => {
    diagnostics.push({
      ruleId: 'config-invalid',
      severity: 'error',
      message,
      pointer: ptr,
      ...(file === undefined ? {} : { file }),
      ...(suggestion === undefined ? {} : { suggestion }),
    });
  };
  const config = { push: clonePush(DEFAULT_PUSH_CONFIG) };
  if (object === undefined || object === null) return { ...config, diagnostics };
  if (!isObject(object)) {
    report('', 'the configuration must be a mapping of sections (e.g. `push:`)');
    return { ...config, diagnostics };
  }
  const push = object.push;
  if (push === undefined || push === null) return { ...config, diagnostics };
  if (!isObject(push)) {
    report(pointer('push'), '`push` must be a mapping');
    return { ...config, diagnostics };
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
  return { ...config, diagnostics };
}

function clonePush(p: PushConfig): PushConfig {
  return { ...p, options: { ...p.options } };
}

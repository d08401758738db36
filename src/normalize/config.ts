import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../core/diagnostic.js';
import { isObject } from '../core/json.js';
import { childPointer, parsePointer } from '../core/pointer.js';

/**
 * The build's part of the project configuration file (`api-hub.config.yaml`):
 * the `providers:` and `build:` keys. Other top-level keys (`push:`, …) belong
 * to other stages and are left alone. The project layer (src/project/config.ts)
 * finds and reads the file; this is the pure part: `createBuildConfig(object)`.
 */
export interface ProviderConfig {
  /** Provider name: `x-hub-source.provider`, tag and operationId prefix source. */
  name: string;
  /** Project-relative path of an OpenAPI 2.0/3.0/3.1/3.2 document (single- or multi-file), or an http(s) URL. */
  source: string;
  /** Root folder in Apidog (`x-apidog-folder`); default: the name, capitalized. */
  label?: string;
  /** Prepended to the provider's paths that another provider also has (prefix policy for path conflicts). */
  pathPrefix?: string;
  /** Prepended to the provider's operationIds that another provider also has (prefix policy for operationId conflicts). */
  operationIdPrefix?: string;
  /** Which paths / operationIds get the prefixes: only those another provider also has (default), or all. */
  prefixScope?: 'conflicts' | 'all';
  /** Replaces the document's servers for every operation of the provider. */
  server?: string;
  /** Whose routes these are (`x-hub-source.provider`, tag fallback); may be a built-in provider (`comet`). Default: `name`. */
  provider?: string;
  /** Only these operations of the document: `/path` (every method) or `METHOD /path`, in the document's own names. */
  paths?: string[];
  /** Prepended to every path: the part of the provider's base URL that `server:` leaves out. */
  basePath?: string;
  /** Overlay 1.0 files applied to this provider's document before the passes (targets use the document's own names). */
  overlays?: string[];
}

export interface BuildConfig {
  danglingRefs?: 'patch' | 'quarantine';
  /** Passes switched off for every build (added to `--disable-pass`). */
  disablePasses?: string[];
  /** Timeout for each request of a provider given by URL. Default 30 s. */
  fetchTimeoutMs?: number;
  /** Follow `$ref`s to http(s) URLs in provider documents given by path. Default false. */
  allowRemoteRefs?: boolean;
}

export interface HubBuildConfig {
  /** Project-relative file the configuration came from, if any. */
  file?: string;
  providers: ProviderConfig[];
  build: BuildConfig;
}

export type BuildConfigResult = { config: HubBuildConfig; problems?: never } | { config?: never; problems: Diagnostic[] };

/** Providers whose snapshots the hub fetches itself; a configured provider cannot take their names. */
export const BUILT_IN_PROVIDERS = ['fal', 'comet'] as const;

/**
 * The schema of these keys is src/normalize/config.schema.json; scripts/build-validators.mjs
 * precompiles it into config-validator.ts (no schema compilation at start-up).
 */
type ConfigValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
let validator: ConfigValidator | undefined;

/** Validate a parsed configuration object; problems carry JSON pointers into it. */
export async function createBuildConfig(data: unknown, file?: string): Promise<BuildConfigResult> {
  const at = (pointer: string, message: string, suggestion?: string): Diagnostic => ({
    ruleId: 'config-invalid',
    severity: 'error',
    message,
    pointer,
    ...(file ? { file } : {}),
    ...(suggestion ? { suggestion } : {}),
  });
  if (data === undefined || data === null) return { config: { ...(file ? { file } : {}), providers: [], build: {} } };
  if (!isObject(data)) return { problems: [at('', 'the configuration must be a mapping (providers:, build:, …)')] };
  const mine = { ...(data.providers !== undefined ? { providers: data.providers } : {}), ...(data.build !== undefined ? { build: data.build } : {}) };
  if (Object.keys(mine).length === 0) return { config: { ...(file ? { file } : {}), providers: [], build: {} } };
  validator ??= ((await import('./config-validator.js')) as { validate: ConfigValidator }).validate;
  if (!validator(mine)) return { problems: (validator.errors ?? []).map((e) => at(e.instancePath, configMessage(e))) };
  const providers = (mine.providers ?? []) as ProviderConfig[];
  const problems: Diagnostic[] = [];
  const seen = new Set<string>();
  providers.forEach((p, i) => {
    if (seen.has(p.name)) problems.push(at(childPointer('', 'providers', i, 'name'), `provider name ${p.name} is used twice`));
    seen.add(p.name);
  });
  if (problems.length > 0) return { problems };
  return { config: { ...(file ? { file } : {}), providers, build: (mine.build ?? {}) as BuildConfig } };
}

function configMessage(e: ErrorObject): string {
  const where = e.instancePath === '' ? 'the configuration' : parsePointer(e.instancePath).join('.');
  if (e.keyword === 'additionalProperties') return `${where}: unknown key ${String((e.params as { additionalProperty: string }).additionalProperty)}`;
  if (e.keyword === 'required') return `${where}: missing ${String((e.params as { missingProperty: string }).missingProperty)}`;
  if (e.keyword === 'not') return `${where}: ${BUILT_IN_PROVIDERS.join(' and ')} are built-in providers; choose another name`;
  if (e.keyword === 'pattern') {
    const segs = parsePointer(e.instancePath);
    const hint = PATTERN_HINTS[segs.at(-1) ?? ''] ?? PATTERN_HINTS[`${segs.at(-2) ?? ''}[]`];
    return `${where}: ${hint ?? `must match ${String((e.params as { pattern: string }).pattern)}`}`;
  }
  if (e.keyword === 'enum') return `${where}: must be one of ${((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String).join(', ')}`;
  return `${where}: ${e.message ?? 'invalid'}`;
}

const PATTERN_HINTS: Record<string, string> = {
  name: 'lower-case letters, digits and -, starting with a letter',
  pathPrefix: 'a path such as /yelp: starts with /, no trailing /, no {}, ? or #',
  basePath: 'a path such as /v1: starts with /, no trailing /, no {}, ? or #',
  provider: 'lower-case letters, digits and -, starting with a letter',
  'paths[]': "'/path' (every method) or 'METHOD /path', e.g. 'POST /chat/completions'",
  operationIdPrefix: 'letters, digits, _, . and -, starting with a letter or _',
  server: 'an http(s) URL',
  label: 'a folder name without /',
};

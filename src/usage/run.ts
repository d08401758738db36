import { resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import { baseUrlFromEnv } from '../core/base-url.js';
import { envValue, secretEntries, type Env } from '../core/env.js';
import { HubError } from '../core/errors.js';
import { writeFileAtomic } from '../core/fs.js';
import { HttpClient } from '../fetch/http.js';
import { findSecret, redactDiagnostic } from '../fetch/redact.js';
import { httpSettingsFromEnv } from '../fetch/settings.js';
import { FAL_DEFAULT_BASE_URL, falApiRoot } from '../fetch/fal/urls.js';
import { fetchCometQuota, fetchFalUsage, type NamedKey } from './client.js';
import { urlKeyRedactor } from './redact-key.js';
import { buildUsageReport, readFrom, type UsageReport } from './report.js';
import { knownFrom, learn, parseUsageState, serializeUsageState, type UsageState } from './state.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { AnomalyOptions, Balance, SpendRecord, UsageProvider } from './types.js';

/** Where each provider's key comes from, first set wins. */
export const USAGE_KEY_VARS: Readonly<Record<UsageProvider, readonly string[]>> = {
  fal: ['FAL_ADMIN_KEY', 'FAL_API_KEY', 'FAL_KEY'],
  comet: ['COMET_QUOTA_KEY', 'COMET_API_KEY'],
};
export const COMET_QUOTA_DEFAULT_BASE_URL = 'https://query.cometapi.com';

export interface UsageRunOptions {
  root: string;
  env: Env;
  provider: UsageProvider | 'all';
  from: string;
  until: string;
  options: AnomalyOptions;
  /** The state file (models and keys seen before); null: none is read or written. */
  statePath: string | null;
  /** Write what this run saw into the state file (default true). */
  saveState?: boolean;
  fetch?: typeof globalThis.fetch;
  signal?: AbortSignal;
  /** A retry about to happen, as one redacted line. */
  onRetry?: (line: string) => void;
}

export interface UsageRunResult {
  report: UsageReport;
  /** The state file written, if any. */
  stateWritten?: string;
}

/** The key of a provider and the variable it came from, or undefined. */
export function usageKey(env: Env, provider: UsageProvider): NamedKey | undefined {
  for (const name of USAGE_KEY_VARS[provider]) {
    const value = envValue(env, name);
    if (value !== undefined) return { name, value };
  }
  return undefined;
}

/** The keys of both providers, as env holds them. */
type UsageKeys = Record<UsageProvider, NamedKey | undefined>;

/** What the providers' APIs returned for the days read. */
interface Fetched {
  records: SpendRecord[];
  balances: Balance[];
  problems: Diagnostic[];
  keyNames: Record<UsageProvider, string[]>;
}

/**
 * `api-hub usage`: read FAL's usage API and Comet's quota for the reported days
 * and their trailing window, build the report (report.ts: pure), and remember
 * the models and keys seen in the state file. Keys come from env; every message
 * is redacted; the state file holds names only and is refused if a key is in it.
 */
export async function runUsage(o: UsageRunOptions): Promise<UsageRunResult> {
  const keys: UsageKeys = { fal: usageKey(o.env, 'fal'), comet: usageKey(o.env, 'comet') };
  const notes: string[] = [];
  const providers = chooseProviders(o.provider, keys, notes);
  const secrets = secretEntries(o.env);
  const redact = urlKeyRedactor([...secrets.values(), keys.fal?.value, keys.comet?.value]);
  const bases = baseUrls(o.env, providers);
  const statePath = o.statePath === null ? null : resolve(o.root, o.statePath);
  const state = statePath ? await readState(statePath, o.statePath ?? '') : undefined;
  const fetched = await fetchUsage(o, providers, keys, bases, redact);
  const report = buildUsageReport({
    providers,
    records: fetched.records,
    balances: fetched.balances,
    keyNames: fetched.keyNames,
    from: o.from,
    until: o.until,
    known: knownFrom(state),
    options: o.options,
    problems: fetched.problems.map((d) => redactDiagnostic(d, redact)),
    notes,
  });
  if (statePath === null || o.statePath === null || o.saveState === false) return { report };
  await writeState(statePath, o.statePath, learn(state, fetched.records, fetched.keyNames), secrets, keys);
  return { report, stateWritten: o.statePath };
}

/** The providers to read: the one asked for (its key must be set), or, for `all`, each whose key is set (a note for the others). */
function chooseProviders(asked: UsageProvider | 'all', keys: UsageKeys, notes: string[]): UsageProvider[] {
  if (asked !== 'all') {
    if (!keys[asked])
      throw new HubError(
        `${asked}: ${USAGE_KEY_VARS[asked][0]} is not set${asked === 'fal' ? ' (FAL_API_KEY or FAL_KEY also work when they hold an admin key)' : ' (or COMET_API_KEY)'}; set it in the environment or .env`,
      );
    return [asked];
  }
  const providers = (['comet', 'fal'] as const).filter((p) => keys[p] !== undefined);
  if (providers.length === 0)
    throw new HubError(
      `no key for usage: set ${USAGE_KEY_VARS.fal[0]} (a FAL admin key) and/or ${USAGE_KEY_VARS.comet.join(' or ')} (in the environment or .env)`,
    );
  for (const p of ['comet', 'fal'] as const) if (!keys[p]) notes.push(`${p}: skipped, ${USAGE_KEY_VARS[p].join(' / ')} not set`);
  return providers;
}

/** The base URL of each provider read (env may point it at a test server or a gateway); '' for the others. */
function baseUrls(env: Env, providers: readonly UsageProvider[]): Record<UsageProvider, string> {
  const falBase = providers.includes('fal') ? baseUrlFromEnv(env, 'FAL_API_BASE_URL', FAL_DEFAULT_BASE_URL) : '';
  const cometBase = providers.includes('comet') ? baseUrlFromEnv(env, 'COMET_QUOTA_API_BASE_URL', COMET_QUOTA_DEFAULT_BASE_URL) : '';
  return { fal: falBase, comet: cometBase };
}

/** The state file at `path` (`label`: as the user gave it), or undefined when there is none yet. */
async function readState(path: string, label: string): Promise<UsageState | undefined> {
  const text = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw new HubError(`${label}: cannot read (${e.code ?? e.message})`);
  });
  if (text === undefined) return undefined;
  const parsed = parseUsageState(text, label);
  if (!parsed.state)
    throw new HubError(`${label}: ${parsed.problems[0]?.message ?? 'not a usage state'}; fix or delete it (the next run rebuilds it), or pass --state off`, {
      diagnostics: parsed.problems,
    });
  return parsed.state;
}

/** Reads the providers' usage over HTTP, both at once; retries are reported redacted through `o.onRetry`. */
async function fetchUsage(
  o: UsageRunOptions,
  providers: readonly UsageProvider[],
  keys: UsageKeys,
  bases: Record<UsageProvider, string>,
  redact: (t: string) => string,
): Promise<Fetched> {
  const http = new HttpClient(httpSettingsFromEnv(o.env), {
    ...(o.fetch ? { fetch: o.fetch } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
    onEvent: (e) => {
      if (e.type === 'retry') o.onRetry?.(redact(`${e.label}: retry ${e.retry} (${e.reason})`));
    },
  });
  const start = readFrom(o.from, o.options);
  const out: Fetched = { records: [], balances: [], problems: [], keyNames: { fal: [], comet: [] } };
  const signal = o.signal ? { signal: o.signal } : {};
  await Promise.all([
    providers.includes('fal')
      ? fetchFalUsage({ http, apiRoot: falApiRoot(bases.fal), key: keys.fal!, start, end: o.until, redact, ...signal }).then((r) => {
          out.records.push(...r.records);
          out.problems.push(...r.problems);
        })
      : undefined,
    providers.includes('comet')
      ? fetchCometQuota({ http, baseUrl: bases.comet, key: keys.comet!, start, end: o.until, redact, ...signal }).then((q) => {
          out.records.push(...q.records);
          out.balances.push(...q.balances);
          out.problems.push(...q.problems);
          out.keyNames.comet.push(...q.keyNames);
        })
      : undefined,
  ]);
  return out;
}

/** Writes the state file atomically, refusing when it would hold the value of a secret or a usage key. */
async function writeState(path: string, label: string, state: UsageState, secrets: Map<string, string>, keys: UsageKeys): Promise<void> {
  const text = serializeUsageState(state);
  const leaked = findSecret(
    text,
    new Map([
      ...secrets,
      ...(keys.fal ? [[keys.fal.name, keys.fal.value] as const] : []),
      ...(keys.comet ? [[keys.comet.name, keys.comet.value] as const] : []),
    ]),
  );
  if (leaked) throw new HubError(`refusing to write ${label}: it would contain the value of ${leaked} (a key name equal to the key?)`);
  await writeFileAtomic(path, text);
}

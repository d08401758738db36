import type { Diagnostic } from '../core/diagnostic.js';
import { isObject } from '../core/json.js';
import { pointer } from '../core/pointer.js';
import { USAGE_PROVIDERS, type KnownSets, type SpendRecord, type UsageProvider } from './types.js';

/**
 * What earlier runs of `api-hub usage` saw: the models and the keys (FAL auth
 * method aliases, Comet key names; names only, never a key's value) per
 * provider. It is the baseline of the new-model and unfamiliar-key rules, kept
 * per machine at `.api-hub/usage-state.json` (git-ignored, like the MCP audit
 * log). Sorted, no timestamps: the same knowledge gives the same bytes.
 */
export interface UsageState {
  version: 1;
  models: Record<UsageProvider, string[]>;
  keys: Record<UsageProvider, string[]>;
}

export const USAGE_STATE_FILE = '.api-hub/usage-state.json';

export function emptyState(): UsageState {
  return { version: 1, models: { comet: [], fal: [] }, keys: { comet: [], fal: [] } };
}

/** Parse a state file's text; a file that is not a state is a problem (the run then starts from no baseline and does not overwrite it). */
export function parseUsageState(text: string, file: string): { state?: UsageState; problems: Diagnostic[] } {
  const bad = (message: string, ptr = ''): { problems: Diagnostic[] } => ({
    problems: [{ ruleId: 'usage-state', severity: 'error', message, file, pointer: ptr, suggestion: 'fix or delete the file (it is rebuilt on the next run)' }],
  });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return bad(`not JSON (${(e as Error).message})`);
  }
  if (!isObject(data) || data.version !== 1) return bad('not a usage state (expected {"version": 1, "models", "keys"})');
  const state = emptyState();
  for (const field of ['models', 'keys'] as const) {
    const section = data[field];
    if (section === undefined) continue;
    if (!isObject(section)) return bad(`\`${field}\` must be an object of provider → names`, pointer(field));
    for (const p of USAGE_PROVIDERS) {
      const names = section[p];
      if (names === undefined) continue;
      if (!Array.isArray(names) || !names.every((n): n is string => typeof n === 'string'))
        return bad(`\`${field}.${p}\` must be a list of names`, pointer(field, p));
      state[field][p] = [...new Set(names)].sort();
    }
  }
  return { state, problems: [] };
}

export function serializeUsageState(state: UsageState): string {
  const sorted = (r: Record<UsageProvider, string[]>): Record<UsageProvider, string[]> => ({
    comet: [...new Set(r.comet)].sort(),
    fal: [...new Set(r.fal)].sort(),
  });
  return `${JSON.stringify({ version: 1, models: sorted(state.models), keys: sorted(state.keys) }, null, 2)}\n`;
}

export function knownFrom(state: UsageState | undefined): KnownSets {
  const s = state ?? emptyState();
  return {
    models: { comet: new Set(s.models.comet), fal: new Set(s.models.fal) },
    keys: { comet: new Set(s.keys.comet), fal: new Set(s.keys.fal) },
    fromState: state !== undefined,
  };
}

/** The state after a run: everything it saw is known from now on (a finding is reported once). */
export function learn(
  state: UsageState | undefined,
  records: readonly SpendRecord[],
  keyNames: Readonly<Record<UsageProvider, readonly string[]>>,
): UsageState {
  const next = state
    ? {
        version: 1 as const,
        models: { comet: [...state.models.comet], fal: [...state.models.fal] },
        keys: { comet: [...state.keys.comet], fal: [...state.keys.fal] },
      }
    : emptyState();
  for (const r of records) {
    if (r.model !== '*') next.models[r.provider].push(r.model);
    if (r.key !== '') next.keys[r.provider].push(r.key);
  }
  for (const p of USAGE_PROVIDERS) next.keys[p].push(...keyNames[p]);
  return JSON.parse(serializeUsageState(next)) as UsageState;
}

import type { Diagnostic } from '../core/diagnostic.js';
import { isObject } from '../core/json.js';
import { pointer } from '../core/pointer.js';
import { isDay } from './dates.js';
import { ALL_MODELS, type Balance, type SpendRecord } from './types.js';

/**
 * Comet's `GET https://query.cometapi.com/user/quota?key=…&start_date&end_date`
 * (comet-api.md §14): `{ username, total_quota, total_used_quota, request_count,
 * keys: [{ name, remain_quota, used_quota }], daily_quota: { <date>: [{ token_name,
 * quota_used, request_count }] } }`, amounts in USD. Comet counts spend per key
 * and day, not per model, so every record has model `*`. `total_quota` is the
 * account's balance; a key's `remain_quota` is its own limit (-1: unlimited).
 * The username is not kept.
 */
export interface CometQuota {
  records: SpendRecord[];
  balances: Balance[];
  /** Names of the account's keys (for the unfamiliar-key check). */
  keyNames: string[];
  problems: Diagnostic[];
}

export function readCometQuota(data: unknown, source: string): CometQuota {
  const out: CometQuota = { records: [], balances: [], keyNames: [], problems: [] };
  const warn = (message: string, ptr: string): void =>
    void out.problems.push({ ruleId: 'comet-quota-shape', severity: 'warn', message, file: source, pointer: ptr });
  if (!isObject(data) || typeof data.total_quota !== 'number') {
    const said = isObject(data) && typeof data.message === 'string' ? `: ${data.message.slice(0, 200)}` : '';
    out.problems.push({
      ruleId: 'comet-quota-shape',
      severity: 'error',
      message: `not a Comet /user/quota response: expected an object with a numeric \`total_quota\`${said}`,
      file: source,
      pointer: '',
    });
    return out;
  }
  out.balances.push({
    provider: 'comet',
    scope: 'account',
    remaining: data.total_quota,
    currency: 'USD',
    ...(typeof data.total_used_quota === 'number' ? { used: data.total_used_quota } : {}),
  });
  if (Array.isArray(data.keys)) {
    data.keys.forEach((k: unknown, i: number) => {
      if (!isObject(k) || typeof k.name !== 'string') return warn('key entry needs a `name`; skipped', pointer('keys', i));
      out.keyNames.push(k.name);
      if (typeof k.remain_quota === 'number' && k.remain_quota >= 0) {
        out.balances.push({
          provider: 'comet',
          scope: `key:${k.name}`,
          remaining: k.remain_quota,
          currency: 'USD',
          ...(typeof k.used_quota === 'number' && k.used_quota >= 0 ? { used: k.used_quota } : {}),
        });
      }
    });
  }
  if (data.daily_quota === undefined || data.daily_quota === null)
    warn('no `daily_quota` in the answer (Comet sends it when start_date and end_date are given): no daily figures, so no spike or runway check for Comet', '');
  else {
    if (!isObject(data.daily_quota)) warn('`daily_quota` is not an object; no daily figures', pointer('daily_quota'));
    else {
      for (const [day, entries] of Object.entries(data.daily_quota)) {
        if (!isDay(day) || !Array.isArray(entries)) {
          warn('`daily_quota` entries are `YYYY-MM-DD: [...]`; skipped', pointer('daily_quota', day));
          continue;
        }
        entries.forEach((e: unknown, i: number) => {
          if (!isObject(e) || typeof e.quota_used !== 'number' || !Number.isFinite(e.quota_used))
            return warn('daily entry needs a numeric `quota_used`; skipped', pointer('daily_quota', day, i));
          out.records.push({
            provider: 'comet',
            day,
            model: ALL_MODELS,
            key: typeof e.token_name === 'string' ? e.token_name : '',
            cost: e.quota_used,
            currency: 'USD',
            ...(typeof e.request_count === 'number' ? { requests: e.request_count } : {}),
          });
        });
      }
    }
  }
  return out;
}

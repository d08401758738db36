import type { UsageAnomaly } from '../types.js';
import { firstUses, money, type Detector } from './context.js';

/**
 * `usage-unfamiliar-key`: spend in the reported days by a key (FAL's auth
 * method alias, Comet's key name) that is neither in the state file of earlier
 * runs nor seen in the trailing days before the report. Also, once a state file
 * exists, a key the provider lists for the account (Comet's `keys[]`) that no
 * earlier run saw: a key created since. One finding per key.
 */
export const detectUnfamiliarKeys: Detector = (ctx) => {
  const { firsts, knownOf } = firstUses(ctx, ctx.known.keys, (r) => (r.key === '' ? undefined : r.key));
  const out = firsts.map(
    ({ record: r }): UsageAnomaly => ({
      ruleId: 'usage-unfamiliar-key',
      severity: 'warn',
      provider: r.provider,
      key: r.key,
      day: r.day,
      value: r.cost,
      message: `${r.provider === 'fal' ? 'FAL auth method' : 'Comet key'} "${r.key}" spent for the first time on ${r.day} (${money(r.cost, r.currency)})`,
      suggestion: 'if nobody on the team created this key, revoke it at the provider now',
    }),
  );
  if (ctx.known.fromState) {
    for (const provider of ['comet', 'fal'] as const) {
      for (const name of ctx.keyNames[provider]) {
        const set = knownOf(provider);
        if (set.has(name)) continue;
        set.add(name);
        out.push({
          ruleId: 'usage-unfamiliar-key',
          severity: 'warn',
          provider,
          key: name,
          message: `${provider === 'comet' ? 'Comet' : 'FAL'} lists a key "${name}" that no earlier run saw (created since, not used yet)`,
          suggestion: 'if nobody on the team created this key, revoke it at the provider now',
        });
      }
    }
  }
  return out;
};

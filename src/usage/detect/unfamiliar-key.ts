import type { UsageAnomaly, UsageProvider } from '../types.js';
import { money, type Detector } from './context.js';

/**
 * `usage-unfamiliar-key`: spend in the reported days by a key (FAL's auth
 * method alias, Comet's key name) that is neither in the state file of earlier
 * runs nor seen in the trailing days before the report. Also, once a state file
 * exists, a key the provider lists for the account (Comet's `keys[]`) that no
 * earlier run saw: a key created since. One finding per key.
 */
export const detectUnfamiliarKeys: Detector = (ctx) => {
  const known = new Map<UsageProvider, Set<string>>();
  const knownOf = (p: UsageProvider): Set<string> => {
    let s = known.get(p);
    if (!s) known.set(p, (s = new Set(ctx.known.keys[p])));
    return s;
  };
  for (const r of ctx.records) if (r.day < ctx.from && r.key !== '') knownOf(r.provider).add(r.key);
  const out: UsageAnomaly[] = [];
  for (const r of ctx.records) {
    if (r.day < ctx.from || r.day > ctx.until || r.key === '' || r.cost <= 0) continue;
    const set = knownOf(r.provider);
    if (set.has(r.key)) continue;
    set.add(r.key);
    out.push({
      ruleId: 'usage-unfamiliar-key',
      severity: 'warn',
      provider: r.provider,
      key: r.key,
      day: r.day,
      value: r.cost,
      message: `${r.provider === 'fal' ? 'FAL auth method' : 'Comet key'} "${r.key}" spent for the first time on ${r.day} (${money(r.cost, r.currency)})`,
      suggestion: 'if nobody on the team created this key, revoke it at the provider now',
    });
  }
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

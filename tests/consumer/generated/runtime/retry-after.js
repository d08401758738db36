/* api-hub generate: from src/core/retry-after.ts; do not edit. */
export function parseRetryAfter(value, now) {
  const v = value.trim();
  if (/^\d+$/.test(v))
    return Number(v) * 1000;
  if (!/[a-z]/i.test(v))
    return undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

/**
 * Deep equality of JSON values, for the precompiled validators (`enum`, `const`,
 * `uniqueItems`). It replaces ajv's runtime `equal` (fast-deep-equal), which calls a
 * value's own `toString` / `valueOf` when they differ from Object.prototype's: a
 * document with a `toString: x` key made it throw. Only own enumerable keys count.
 */
export function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a !== a && b !== b; // NaN
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equal(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k) || !equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/** UTC calendar days as `YYYY-MM-DD`: the unit of the usage report. */

const DAY_MS = 86_400_000;

export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === value;
}

/** The UTC day of an instant. */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** The day a provider's time bucket starts on: `2025-01-15T00:00:00-05:00` → `2025-01-15` (the bucket's own calendar day). */
export function bucketDay(bucket: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(bucket.trim());
  return m && isDay(m[1]!) ? m[1] : undefined;
}

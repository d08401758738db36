import { createHash } from 'node:crypto';

/** `sk-p…(56)`: the first 4 characters and the length; the rest never leaves the scanner. */
export function mask(secret: string): string {
  return `${secret.slice(0, 4)}…(${secret.length})`;
}

/** The first 12 hex digits of the secret's SHA-256 (for allowlists). */
export function fingerprint(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 12);
}

const EXCERPT_MAX = 120;

/**
 * The line with each [start, end) range (columns, 0-based, sorted or not)
 * replaced by its mask, trimmed and cut to about 120 characters around the
 * first secret.
 */
export function maskedExcerpt(line: string, ranges: readonly (readonly [number, number])[]): string {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  let firstMask = -1;
  for (const [s, e] of sorted) {
    if (e <= at) continue;
    const start = Math.max(s, at);
    out += line.slice(at, start);
    if (firstMask < 0) firstMask = out.length;
    out += mask(line.slice(start, e));
    at = e;
  }
  out += line.slice(at);
  if (out.length <= EXCERPT_MAX) return out.trim();
  const from = Math.max(0, firstMask - 40);
  return `${from > 0 ? '…' : ''}${out.slice(from, from + EXCERPT_MAX).trim()}${from + EXCERPT_MAX < out.length ? '…' : ''}`;
}

import { cmp } from '../../core/diagnostic.js';

/** Lower-cased words of a text: `fal-ai/flux/dev` -> [fal, ai, flux, dev]. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9.]+/)
    .filter((w) => w !== '');
}

export interface RankFields {
  /** The id: an exact or prefix match ranks first. */
  id: string;
  /** Other searchable texts (name, category, tags, summary…). */
  text: readonly string[];
}

/**
 * How well a record matches a free-text query, or null when it does not:
 * every word of the query must occur somewhere (as a substring of a word of
 * the record, so `i2v` finds `…-i2v-…` and `video` finds `image-to-video`).
 * Exact id, id prefix and whole-phrase matches rank above scattered words.
 */
export function matchScore(fields: RankFields, query: string): number | null {
  const q = query.trim().toLowerCase();
  if (q === '') return 0;
  const id = fields.id.toLowerCase();
  const rest = fields.text.map((t) => t.toLowerCase());
  const all = [id, ...rest].join('\n');
  const qWords = words(q);
  if (qWords.length === 0) return all.includes(q) ? 1 : null;
  const idWords = words(id);
  const restWords = words(rest.join(' '));
  let score = 0;
  for (const w of qWords) {
    if (idWords.includes(w)) score += 6;
    else if (idWords.some((x) => x.includes(w))) score += 4;
    else if (restWords.includes(w)) score += 3;
    else if (restWords.some((x) => x.includes(w))) score += 2;
    else return null;
  }
  if (id === q) score += 100;
  else if (id.startsWith(q)) score += 40;
  else if (id.includes(q)) score += 25;
  else if (rest.some((t) => t === q)) score += 20;
  else if (rest.some((t) => t.includes(q))) score += 10;
  return score;
}

/** Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length] ?? limit + 1;
}

/**
 * The candidates nearest to an unknown id, best first: those containing it
 * (or contained in it), then by edit distance less three per shared word. A
 * candidate is suggested only when it contains the query, shares at least
 * half of its words, or is within an edit distance of about 45% of its length,
 * so an unrelated query gets no suggestions. Ties break by code point.
 */
export function nearest(query: string, candidates: Iterable<string>, n = 5): string[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const qWords = new Set(words(q));
  const maxDistance = Math.max(2, Math.floor(q.length * 0.45));
  const scored: Array<{ c: string; s: number }> = [];
  for (const c of candidates) {
    const lc = c.toLowerCase();
    const contains = lc.includes(q) || (lc.length >= 3 && q.includes(lc));
    let shared = 0;
    for (const w of new Set(words(lc))) if (qWords.has(w)) shared++;
    const d = editDistance(q, lc, Math.max(maxDistance, q.length));
    if (!contains && d > maxDistance && (qWords.size === 0 || shared * 2 < qWords.size)) continue;
    scored.push({ c, s: contains ? -1000 + lc.length : d - 3 * shared });
  }
  return scored
    .sort((a, b) => a.s - b.s || cmp(a.c, b.c))
    .slice(0, n)
    .map((x) => x.c);
}

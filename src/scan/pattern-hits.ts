import { PATTERNS } from './patterns.js';

/** A secret's place in a text: [start, end) offsets and the pattern that found it. */
export interface Hit {
  start: number;
  end: number;
  rule: string;
  label: string;
}

/** The project's pattern table over the text. */
export function patternHits(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const p of PATTERNS) {
    p.regex.lastIndex = 0;
    for (const m of text.matchAll(p.regex)) {
      const value = m[p.value];
      if (value === undefined || (p.accept && !p.accept(value))) continue;
      const start = (m.index ?? 0) + (p.value === 0 ? 0 : m[0].lastIndexOf(value));
      hits.push({ start, end: start + value.length, rule: p.id, label: p.label });
    }
  }
  return hits;
}

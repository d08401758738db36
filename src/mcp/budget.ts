/**
 * Every tool result fits a character budget. Lists are paged by item (the
 * page shrinks until it fits, and says where the next one starts); one large
 * document is paged by character offset with a note naming the next offset.
 * Nothing is ever cut without saying so.
 */

export const DEFAULT_BUDGET = 20_000;
/** Below this a result cannot carry a useful page and its note. */
export const MIN_BUDGET = 1_000;

export interface ListPage<T> {
  items: T[];
  offset: number;
  total: number;
  /** Where the next page starts; null on the last page. */
  nextOffset: number | null;
  /** True when the page holds fewer items than asked for because of the budget. */
  shrunk: boolean;
}

/**
 * The largest page of `all` starting at `offset`, at most `limit` items, whose
 * rendering fits `budget` characters. `render` must be monotonic in the number
 * of items (more items, more text). At least one item is returned when there
 * is one, even if it alone is over the budget (the caller then pages its text).
 */
export function fitListPage<T>(
  all: readonly T[],
  offset: number,
  limit: number,
  budget: number,
  render: (page: ListPage<T>) => string,
): { page: ListPage<T>; text: string } {
  const total = all.length;
  const start = Math.min(Math.max(0, offset), total);
  const make = (n: number, shrunk: boolean): ListPage<T> => {
    const end = start + n;
    return { items: all.slice(start, end), offset: start, total, nextOffset: end < total ? end : null, shrunk };
  };
  const want = Math.min(limit, total - start);
  let page = make(want, false);
  let text = render(page);
  if (text.length <= budget || want <= 1) return { page, text };
  // Binary search for the most items that fit.
  let lo = 1;
  let hi = want - 1;
  let best = 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (render(make(mid, true)).length <= budget) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  page = make(best, true);
  text = render(page);
  return { page, text };
}

export interface TextPage {
  /** The note (when paged) followed by the slice. */
  text: string;
  paged: boolean;
  nextOffset: number | null;
}

/**
 * One window of a long text: the whole text when it fits, else a slice that
 * starts at `offset`, after a note saying which characters these are, how many
 * there are, and how to get the next ones (`continueHint(nextOffset)`).
 * Returns null when `offset` is past the end.
 */
export function fitText(text: string, offset: number, budget: number, continueHint: (nextOffset: number) => string): TextPage | null {
  if (offset === 0 && text.length <= budget) return { text, paged: false, nextOffset: null };
  if (offset < 0 || offset >= text.length) return null;
  // The note's length depends on the numbers in it; reserve enough for the widest.
  const probe = note(text.length, text.length, text.length, budget, continueHint(text.length));
  const room = Math.max(1, budget - probe.length - 1);
  const end = Math.min(text.length, offset + room);
  const next = end < text.length ? end : null;
  const head = note(offset, end, text.length, budget, next === null ? 'This is the last part.' : continueHint(next));
  return { text: `${head}\n${text.slice(offset, end)}`, paged: true, nextOffset: next };
}

function note(start: number, end: number, total: number, budget: number, hint: string): string {
  return `[Paged result: characters ${start}-${end} of ${total} (the result is larger than the ${budget}-character budget). ${hint}]`;
}

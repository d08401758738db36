import { describe, expect, it } from 'vitest';
import { fitListPage, fitText, type ListPage } from './budget.js';

const items = Array.from({ length: 100 }, (_, i) => `item-${String(i).padStart(3, '0')}`);
const render = (p: { items: string[] }) => JSON.stringify(p.items);

describe('fitListPage', () => {
  it('returns the asked-for page when it fits', () => {
    const { page } = fitListPage(items, 10, 5, 10_000, render);
    expect(page).toMatchObject({ items: items.slice(10, 15), offset: 10, total: 100, nextOffset: 15, shrunk: false });
  });
  it('shrinks the page until it fits, and says where the next one starts', () => {
    const { page, text } = fitListPage(items, 0, 100, 300, render);
    expect(text.length).toBeLessThanOrEqual(300);
    expect(page.shrunk).toBe(true);
    expect(page.items.length).toBeGreaterThan(1);
    expect(page.nextOffset).toBe(page.items.length);
    // One more item would not have fitted.
    expect(render({ items: items.slice(0, page.items.length + 1) }).length).toBeGreaterThan(300);
  });
  it('pages through everything without loss or overlap', () => {
    const seen: string[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const fitted: { page: ListPage<string>; text: string } = fitListPage(items, offset, 50, 200, render);
      const { page, text } = fitted;
      expect(text.length).toBeLessThanOrEqual(200);
      seen.push(...page.items);
      offset = page.nextOffset;
    }
    expect(seen).toEqual(items);
  });
  it('an offset past the end gives an empty last page', () => {
    expect(fitListPage(items, 500, 10, 1000, render).page).toMatchObject({ items: [], offset: 100, nextOffset: null });
  });
});

describe('fitText', () => {
  const text = 'x'.repeat(5000) + 'y'.repeat(5000);
  it('returns a text that fits unchanged', () => {
    expect(fitText('short', 0, 100, () => '')).toEqual({ text: 'short', paged: false, nextOffset: null });
  });
  it('pages a long text with a note naming the range and the next offset; the parts add up to the text', () => {
    let offset: number | null = 0;
    let joined = '';
    let parts = 0;
    while (offset !== null) {
      const page = fitText(text, offset, 2000, (next) => `Call again with offset=${next}.`);
      expect(page).not.toBeNull();
      expect(page!.text.length).toBeLessThanOrEqual(2000);
      const [note, ...rest] = page!.text.split('\n');
      expect(note).toMatch(new RegExp(`^\\[Paged result: characters ${offset}-\\d+ of 10000 \\(the result is larger than the 2000-character budget\\)\\. `));
      if (page!.nextOffset !== null) expect(note).toContain(`offset=${page!.nextOffset}`);
      else expect(note).toContain('This is the last part.');
      joined += rest.join('\n');
      offset = page!.nextOffset;
      parts++;
    }
    expect(joined).toBe(text);
    expect(parts).toBe(6);
  });
  it('an offset past the end is null', () => {
    expect(fitText(text, 10_000, 2000, () => '')).toBeNull();
  });
});

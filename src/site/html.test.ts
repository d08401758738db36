import { describe, expect, it } from 'vitest';
import { clip, esc, scriptJson } from './html.js';

describe('esc', () => {
  it.each([
    ['plain', 'plain'],
    [`<a href="x">Tom & Jerry's</a>`, '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;'],
    ['&amp;', '&amp;amp;'],
    [null, ''],
    [undefined, ''],
    [42, '42'],
  ])('%j -> %j', (v, out) => {
    expect(esc(v)).toBe(out);
  });
});

describe('scriptJson', () => {
  it('cannot close the script it is written into', () => {
    const text = scriptJson({ name: '</script><script>alert(1)</script>', sep: '\u2028' });
    expect(text).not.toMatch(/[<>\u2028]/);
    expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script>', sep: '\u2028' });
  });
});

describe('clip', () => {
  it.each([
    ['short', 10, 'short'],
    ['a long sentence here', 10, 'a long se…'],
  ])('%j to %d -> %j', (t, n, out) => {
    expect(clip(t, n)).toBe(out);
  });
});

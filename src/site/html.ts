/** HTML text helpers: every value written into a page goes through `esc` (text) or `attr` (attribute). */

const SPECIAL = /[&<>"']/;

export function esc(value: unknown): string {
  const s = String(value ?? '');
  // Most text has nothing to escape: one scan, no copy. Otherwise five plain replaces beat a callback per character.
  if (!SPECIAL.test(s)) return s;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Same escaping; named for what it is used for. */
export const attr = esc;

/** JSON for a `<script>` body: `<`, `>`, `&` and line separators escaped so no text can close the script. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Text cut to `max` characters, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

export interface PageOptions {
  title: string;
  /** Path from this page to the site root: '' for pages at the root, '../../' two levels down. */
  root: string;
  /** Which nav entry is the current page. */
  current?: 'models' | 'comet' | 'drift' | 'download';
  body: string;
  /** Extra scripts (paths relative to the root), loaded with `defer`. */
  scripts?: string[];
  description?: string;
}

/**
 * A whole page: skip link, banner with the site nav, main, footer. No external
 * resources: one stylesheet and deferred scripts from the site itself.
 */
export function page(o: PageOptions): string {
  const nav: Array<[NonNullable<PageOptions['current']>, string, string]> = [
    ['models', 'index.html', 'Models'],
    ['comet', 'comet/index.html', 'Comet API families'],
    ['drift', 'drift.html', 'What changed'],
    ['download', 'download.html', 'Download the document'],
  ];
  const links = nav
    .map(([key, href, label]) => `<li><a href="${attr(o.root + href)}"${o.current === key ? ' aria-current="page"' : ''}>${esc(label)}</a></li>`)
    .join('');
  const scripts = (o.scripts ?? []).map((s) => `<script defer src="${attr(o.root + s)}"></script>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)} · BananaStudio API Hub</title>
${o.description ? `<meta name="description" content="${attr(o.description)}">\n` : ''}<link rel="stylesheet" href="${attr(o.root)}assets/site.css">
${scripts}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="banner">
<p class="brand"><a href="${attr(o.root)}index.html">BananaStudio API Hub</a></p>
<nav aria-label="Site"><ul>${links}</ul></nav>
</header>
<main id="main" tabindex="-1">
${o.body}
</main>
<footer class="foot"><p>Built by <code>api-hub docs</code> from the committed registry and unified document. Works offline.</p></footer>
</body>
</html>
`;
}

/** A table with a caption and column headers; `rows` are already HTML. */
export function table(
  caption: string,
  head: readonly string[],
  rows: readonly string[][],
  options: { className?: string; captionHidden?: boolean } = {},
): string {
  const cls = options.className ? ` class="${attr(options.className)}"` : '';
  const cap = `<caption${options.captionHidden ? ' class="sr-only"' : ''}>${esc(caption)}</caption>`;
  const th = head.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  // The wrapper scrolls sideways on narrow screens, so it takes focus (keyboard users can scroll it) and has a name.
  return `<div class="table-wrap" tabindex="0" role="region" aria-label="${attr(caption)}"><table${cls}>${cap}<thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

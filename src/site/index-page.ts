import { cmp } from '../core/diagnostic.js';
import { attr, esc, page, scriptJson } from './html.js';
import type { SiteModel } from './types.js';

/** Output kinds offered as filters: a category `x-to-video` (or `video`) is a video model. */
export const OUTPUT_KINDS = ['video', 'image', 'audio', 'speech', 'text', '3d', 'json'] as const;

export const kindOf = (category: string | null): string | null => {
  if (!category) return null;
  const out = category.includes('-to-') ? category.slice(category.lastIndexOf('-to-') + 4) : category;
  return (OUTPUT_KINDS as readonly string[]).includes(out) ? out : null;
};

/** Models sorted as the index shows them: by category (uncategorized last), then name, provider and id. */
export function sortModels(models: readonly SiteModel[]): SiteModel[] {
  const cat = (m: SiteModel): string => m.entry.category ?? '\uffff';
  return [...models].sort(
    (a, b) =>
      cmp(cat(a), cat(b)) ||
      cmp(a.entry.displayName.toLowerCase(), b.entry.displayName.toLowerCase()) ||
      cmp(a.entry.provider, b.entry.provider) ||
      cmp(a.entry.id, b.entry.id),
  );
}

/** Column order of a row in `assets/models.js`. */
export const INDEX_FIELDS = ['provider', 'id', 'name', 'category', 'status', 'href', 'amount', 'price', 'source', 'asOf', 'tags'] as const;

/**
 * The prebuilt search index: one array per model (fields in INDEX_FIELDS
 * order), already sorted, as a script that sets `window.HUB_INDEX`; a script,
 * not JSON, so the page reads it from file:// where fetch is refused.
 */
export function indexScript(sorted: readonly SiteModel[], href: (m: SiteModel) => string): string {
  const rows = sorted.map((m) => [
    m.entry.provider,
    m.entry.id,
    m.entry.displayName === m.entry.id ? '' : m.entry.displayName,
    m.entry.category ?? '',
    m.entry.status,
    href(m),
    m.price?.amount ?? null,
    m.price?.text ?? '',
    m.price?.source ?? '',
    m.price?.asOf ?? '',
    m.entry.tags.join(' '),
  ]);
  // One model per line: a diff of two builds reads line by line.
  return `window.HUB_INDEX = {"fields":${JSON.stringify(INDEX_FIELDS)},"rows":[\n${rows.map((r) => scriptJson(r)).join(',\n')}\n]};\n`;
}

export function indexPage(sorted: readonly SiteModel[], counts: { operations: number; families: number }): string {
  const categories = [...new Set(sorted.map((m) => m.entry.category).filter((c): c is string => c !== null))].sort(cmp);
  const kinds = OUTPUT_KINDS.filter((k) => sorted.some((m) => kindOf(m.entry.category) === k));
  const providers = [...new Set(sorted.map((m) => m.entry.provider))].sort(cmp);
  const count = (p: (m: SiteModel) => boolean): number => sorted.filter(p).length;
  const priced = count((m) => m.price !== null);
  const hasUncat = sorted.some((m) => m.entry.category === null);
  const opt = (value: string, label: string): string => `<option value="${attr(value)}">${esc(label)}</option>`;
  const body = `<h1>Models</h1>
<p>${sorted.length} models from ${providers.length} providers (${providers.map((p) => `${count((m) => m.entry.provider === p)} ${esc(p === 'fal' ? 'FAL' : p === 'comet' ? 'Comet' : p)}`).join(', ')}), ${priced} with a price; ${counts.operations} operations in the unified document. Type to search, or filter by provider, category and price.</p>
<form class="filters" role="search" aria-label="Models" onsubmit="return false">
<div class="field"><label for="q">Search models</label><input id="q" name="q" type="search" autocomplete="off" spellcheck="false" placeholder="id, name, provider, category" aria-describedby="q-hint"><span id="q-hint" class="hint">Every word must match. Press <kbd>/</kbd> to come back here.</span></div>
<div class="field"><label for="category">Category</label><select id="category" name="category">${opt('', 'Any category')}<optgroup label="By output">${kinds.map((k) => opt(`kind:${k}`, `Any ${k} output (${count((m) => kindOf(m.entry.category) === k)})`)).join('')}</optgroup><optgroup label="Category">${categories.map((c) => opt(c, `${c} (${count((m) => m.entry.category === c)})`)).join('')}${hasUncat ? opt('-', `uncategorized (${count((m) => m.entry.category === null)})`) : ''}</optgroup></select></div>
<div class="field"><label for="provider">Provider</label><select id="provider" name="provider">${opt('', 'Any provider')}${providers.map((p) => opt(p, p === 'fal' ? 'FAL' : p === 'comet' ? 'Comet API' : p)).join('')}</select></div>
<fieldset class="field price-range"><legend>Price per unit</legend><label for="min">from</label><input id="min" name="min" type="number" min="0" step="any" inputmode="decimal"><label for="max">to</label><input id="max" name="max" type="number" min="0" step="any" inputmode="decimal"></fieldset>
<div class="field"><button type="reset" id="reset">Clear filters</button></div>
</form>
<p id="count" role="status" aria-live="polite">${sorted.length} models</p>
<noscript><p>Searching needs JavaScript. Every model also has its own page under <code>models/</code>; the <a href="comet/index.html">Comet families</a> and the <a href="download.html">unified document</a> work without it.</p></noscript>
<div class="table-wrap" tabindex="0" role="region" aria-label="Matching models"><table id="results" class="models"><caption class="sr-only">Matching models, sorted by category</caption><thead><tr><th scope="col">Model</th><th scope="col">Provider</th><th scope="col">Category</th><th scope="col">Price</th></tr></thead><tbody></tbody></table></div>
<p id="more" hidden><button type="button" id="show-all">Show all matches</button></p>`;
  return page({
    title: 'Models',
    root: '',
    current: 'models',
    body,
    scripts: ['assets/models.js', 'assets/search.js'],
    description: `Browse ${sorted.length} AI models: price, inputs, outputs and examples.`,
  });
}

import { isObject } from '../core/json.js';
import { attr, clip, esc, page } from './html.js';
import { sitePrice } from './price.js';

/** Items of one list shown on the page; the report has them all. */
const LIST_LIMIT = 300;

export interface DriftContext {
  /** The model page of an id at a provider (root-relative), when the registry has it. */
  hrefOf: (provider: string | null, id: string) => string | undefined;
  /** Where the report was read from, for the page's text. */
  file: string;
}

const label = (key: string): string => key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

function priceText(v: unknown): string {
  if (v === null || v === undefined) return 'none';
  const p = sitePrice(v);
  return p ? p.text : clip(JSON.stringify(v), 120);
}

/**
 * Any JSON value as HTML: objects as definition lists, lists of strings
 * (model ids) as lists linked to their model pages, lists of objects as
 * tables. The report's shape is read, not assumed, so a new field shows up
 * without a change here.
 */
function render(value: unknown, provider: string | null, ctx: DriftContext, depth: number): string {
  if (value === null || value === undefined) return '<span class="muted">none</span>';
  if (typeof value !== 'object') return esc(String(value));
  if (Array.isArray(value)) {
    if (value.length === 0) return '<span class="muted">none</span>';
    const shown = value.slice(0, LIST_LIMIT);
    const more = value.length > shown.length ? `<p class="muted">… and ${value.length - shown.length} more (see the report file).</p>` : '';
    if (shown.every((v) => typeof v === 'string')) {
      return `<ul>${(shown as string[])
        .map((id) => {
          const href = ctx.hrefOf(provider, id);
          return `<li>${href ? `<a href="${attr(href)}"><code>${esc(id)}</code></a>` : `<code>${esc(id)}</code>`}</li>`;
        })
        .join('')}</ul>${more}`;
    }
    if (shown.every(isObject)) {
      const keys = [...new Set(shown.flatMap((o) => Object.keys(o)))];
      const head = keys.map((k) => `<th scope="col">${esc(label(k))}</th>`).join('');
      const rows = shown
        .map((o) => {
          const cells = keys.map((k) => {
            const v = o[k];
            if (k === 'id' && typeof v === 'string') {
              const href = ctx.hrefOf(provider, v);
              return href ? `<a href="${attr(href)}"><code>${esc(v)}</code></a>` : `<code>${esc(v)}</code>`;
            }
            if ((k === 'before' || k === 'after') && (v === null || isObject(v))) return esc(priceText(v));
            return depth > 3 ? esc(clip(JSON.stringify(v) ?? '', 200)) : render(v, provider, ctx, depth + 1);
          });
          return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
        })
        .join('');
      return `<div class="table-wrap" tabindex="0" role="region" aria-label="Changes"><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>${more}`;
    }
    return `<ul>${shown.map((v) => `<li>${render(v, provider, ctx, depth + 1)}</li>`).join('')}</ul>${more}`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '<span class="muted">none</span>';
  return `<dl class="facts">${entries.map(([k, v]) => `<dt>${esc(label(k))}</dt><dd>${render(v, provider, ctx, depth + 1)}</dd>`).join('')}</dl>`;
}

/** `drift.html`: the last drift report, one section per provider. */
export function driftPage(report: unknown, ctx: DriftContext): string {
  let body: string;
  if (report === null || report === undefined) {
    body = `<h1>What changed at the providers</h1>
<p>No drift report yet. <code>api-hub fetch</code> writes one (<code>${esc(ctx.file)}</code>) each time it refreshes the snapshot: models added, removed and deprecated, documents changed, price changes.</p>`;
  } else {
    const providers = isObject(report) && Array.isArray(report.providers) ? report.providers : null;
    const rest = isObject(report) ? Object.fromEntries(Object.entries(report).filter(([k]) => k !== 'providers')) : {};
    const sections = providers
      ? providers
          .map((p, i) => {
            const name = isObject(p) && typeof p.provider === 'string' ? p.provider : `provider ${i + 1}`;
            const fields = isObject(p) ? Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'provider')) : p;
            return `<section aria-labelledby="p-${attr(name)}"><h2 id="p-${attr(name)}">${esc(name === 'fal' ? 'FAL' : name === 'comet' ? 'Comet API' : name)}</h2>${render(fields, name, ctx, 0)}</section>`;
          })
          .join('\n')
      : `<section aria-labelledby="report-h"><h2 id="report-h">Report</h2>${render(report, null, ctx, 0)}</section>`;
    body = `<h1>What changed at the providers</h1>
<p>The last drift report (<code>${esc(ctx.file)}</code>), written by <code>api-hub fetch</code>: what the providers added, removed, deprecated or repriced since the snapshot before.</p>
${Object.keys(rest).length > 0 ? render(rest, null, ctx, 0) : ''}
${sections}`;
  }
  return page({ title: 'What changed', root: '', current: 'drift', body });
}

import { cmp } from '../core/diagnostic.js';
import { canonicalJson } from '../core/json.js';
import { cometPricing, type RegistryPricing } from './pricing.js';
import type { CometCatalog } from './comet/catalog.js';
import type { CometApiCatalog } from './comet/api-catalog.js';
import type { FalListing } from './fal/types.js';

/**
 * What changed at the providers between the snapshot before a fetch and the
 * one after it: models added, removed and deprecated, documents changed, price
 * changes. Pure; written as specs/drift-report.{md,json} with no timestamps, so
 * a pull request shows exactly this.
 */
export interface PriceChange {
  id: string;
  before: RegistryPricing | null;
  after: RegistryPricing | null;
}

export interface ProviderDrift {
  provider: 'fal' | 'comet';
  /** `failed`: the previous snapshot was kept; `first`: there was no previous snapshot. */
  outcome: 'changed' | 'unchanged' | 'first' | 'failed';
  error?: string;
  models: { before: number; after: number };
  added: string[];
  removed: string[];
  deprecated: string[];
  documents: { changed: string[]; nowUnavailable: string[]; nowAvailable: string[] };
  /** Comet's public catalog (/api/models): its size, models added and removed there; `first` when there was none before. */
  catalog?: { models: number; first: boolean; added: string[]; removed: string[] };
  prices: PriceChange[];
  notes: string[];
}

export interface DriftReport {
  changed: boolean;
  providers: ProviderDrift[];
}

export interface FalDriftInput {
  before: FalListing | null;
  after: FalListing | null;
  deprecated?: readonly string[];
  error?: string;
  notes?: readonly string[];
}

export interface CometDriftInput {
  before: { v1: CometCatalog | null; api: CometApiCatalog | null };
  after: { v1: CometCatalog | null; api: CometApiCatalog | null } | null;
  error?: string;
  notes?: readonly string[];
}

function emptyDrift(provider: 'fal' | 'comet', before: number, notes: readonly string[] = []): ProviderDrift {
  return { provider, outcome: 'unchanged', models: { before, after: before }, added: [], removed: [], deprecated: [], documents: { changed: [], nowUnavailable: [], nowAvailable: [] }, prices: [], notes: [...notes] };
}

function setDiff(a: Iterable<string>, b: ReadonlySet<string>): string[] {
  return [...a].filter((x) => !b.has(x)).sort(cmp);
}

function samePrice(a: RegistryPricing | null, b: RegistryPricing | null): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

export function falDrift(input: FalDriftInput): ProviderDrift {
  const beforeModels = input.before?.models ?? [];
  const d = emptyDrift('fal', beforeModels.length, input.notes);
  if (input.error !== undefined || !input.after) {
    d.outcome = 'failed';
    d.error = input.error ?? 'not fetched';
    return d;
  }
  const before = new Map(beforeModels.map((m) => [m.endpoint_id, m] as const));
  const after = new Map(input.after.models.map((m) => [m.endpoint_id, m] as const));
  d.models.after = after.size;
  d.added = setDiff(after.keys(), new Set(before.keys()));
  const gone = setDiff(before.keys(), new Set(after.keys()));
  const deprecated = new Set(input.deprecated ?? []);
  d.deprecated = gone.filter((id) => deprecated.has(id));
  d.removed = gone.filter((id) => !deprecated.has(id));
  const price = (p: FalListing['models'][number]['pricing']): RegistryPricing | null => (p ? { unitPrice: p.unit_price, unit: p.unit, currency: p.currency } : null);
  for (const [id, a] of [...after].sort(([x], [y]) => cmp(x, y))) {
    const b = before.get(id);
    if (!b) continue;
    const bs = b.openapi.status === 'available' ? b.openapi.sha256 : null;
    const as = a.openapi.status === 'available' ? a.openapi.sha256 : null;
    if (bs && as && bs !== as) d.documents.changed.push(id);
    if (bs && !as) d.documents.nowUnavailable.push(id);
    if (!bs && as) d.documents.nowAvailable.push(id);
    if (!samePrice(price(b.pricing), price(a.pricing))) d.prices.push({ id, before: price(b.pricing), after: price(a.pricing) });
  }
  d.outcome = input.before === null ? 'first' : hasChanges(d) || canonicalJson(input.before) !== canonicalJson(input.after) ? 'changed' : 'unchanged';
  return d;
}

export function cometDrift(input: CometDriftInput): ProviderDrift {
  const beforeModels = input.before.v1?.models ?? [];
  const d = emptyDrift('comet', beforeModels.length, input.notes);
  if (input.error !== undefined || !input.after?.v1) {
    d.outcome = 'failed';
    d.error = input.error ?? 'not fetched';
    return d;
  }
  const before = new Set(beforeModels.map((m) => m.id));
  const after = new Set(input.after.v1.models.map((m) => m.id));
  d.models.after = after.size;
  d.added = setDiff(after, before);
  d.removed = setDiff(before, after);
  const cb = new Map((input.before.api?.models ?? []).map((m) => [m.id, m] as const));
  const ca = new Map((input.after.api?.models ?? []).map((m) => [m.id, m] as const));
  if (input.before.api || input.after.api) {
    const first = !input.before.api && input.before.v1 !== null;
    d.catalog = { models: ca.size, first, added: input.before.api ? setDiff(ca.keys(), new Set(cb.keys())) : [], removed: setDiff(cb.keys(), new Set(ca.keys())) };
  }
  for (const id of [...ca.keys()].sort(cmp)) {
    if (!cb.has(id)) continue;
    const b = cometPricing(cb.get(id)?.pricing);
    const a = cometPricing(ca.get(id)?.pricing);
    if (!samePrice(b, a)) d.prices.push({ id, before: b, after: a });
  }
  const changedFiles = canonicalJson(input.before.v1) !== canonicalJson(input.after.v1) || canonicalJson(input.before.api) !== canonicalJson(input.after.api);
  d.outcome = input.before.v1 === null ? 'first' : hasChanges(d) || changedFiles ? 'changed' : 'unchanged';
  return d;
}

function hasChanges(d: ProviderDrift): boolean {
  return (
    d.added.length + d.removed.length + d.deprecated.length + d.documents.changed.length + d.documents.nowAvailable.length + d.documents.nowUnavailable.length + d.prices.length > 0 ||
    (d.catalog ? d.catalog.first || d.catalog.added.length + d.catalog.removed.length > 0 : false)
  );
}

export function driftReport(providers: readonly ProviderDrift[]): DriftReport {
  return { changed: providers.some((p) => p.outcome === 'changed' || p.outcome === 'first'), providers: [...providers].sort((a, b) => cmp(a.provider, b.provider)) };
}

const NAMES = { fal: 'FAL', comet: 'Comet' } as const;
/** Lists longer than this are cut in the Markdown (the JSON has them all). */
const LIST_LIMIT = 100;

export function formatPrice(p: RegistryPricing | null): string {
  if (!p) return 'none';
  if (p.unitPrice !== null) return `${p.unitPrice} ${p.currency} / ${p.unit}`;
  const parts = [p.input !== undefined ? `in ${p.input}` : '', p.output !== undefined ? `out ${p.output}` : ''].filter(Boolean).join(', ');
  return `${parts} ${p.currency} / ${p.unit}`;
}

/** The Markdown a pull request can include. Deterministic: no times, sorted lists. */
export function renderDriftMarkdown(report: DriftReport): string {
  const out: string[] = ['# Provider drift', '', 'Written by `api-hub fetch`: what changed at the providers between the previous snapshot and this one.', ''];
  if (!report.changed && report.providers.every((p) => p.outcome === 'unchanged')) {
    out.push('**No changes at the providers** since the previous snapshot.', '');
  }
  for (const p of report.providers) {
    out.push(`## ${NAMES[p.provider]}`, '');
    if (p.outcome === 'failed') {
      out.push(`**Fetch failed; the previous snapshot was kept.** ${p.error ?? ''}`.trim(), '');
    } else if (p.outcome === 'first') {
      out.push(`First snapshot: ${p.models.after} models.`, '');
    } else if (p.outcome === 'unchanged') {
      out.push(`No changes (${p.models.after} models).`, '');
    } else {
      const delta = [p.added.length ? `+${p.added.length}` : '', p.removed.length ? `−${p.removed.length}` : '', p.deprecated.length ? `${p.deprecated.length} deprecated` : ''].filter(Boolean).join(', ');
      out.push(`Models: ${p.models.before} → ${p.models.after}${delta ? ` (${delta})` : ''}.`, '');
    }
    if (p.outcome === 'changed' && !hasChanges(p)) {
      out.push('Only listing details changed (descriptions, tags, dates…): see the diff of the snapshot files.', '');
    }
    if (p.outcome !== 'first' && p.outcome !== 'failed') {
      list(out, 'Added', p.added);
      list(out, 'Removed', p.removed);
      list(out, 'Deprecated (no longer in the active list)', p.deprecated);
      list(out, 'Documents changed', p.documents.changed);
      list(out, 'Documents no longer available', p.documents.nowUnavailable);
      list(out, 'Documents available again', p.documents.nowAvailable);
      if (p.catalog) {
        if (p.catalog.first) out.push(`Public catalog (/api/models): first snapshot, ${p.catalog.models} models.`, '');
        list(out, 'Added to the public catalog (/api/models)', p.catalog.added);
        list(out, 'Removed from the public catalog (/api/models)', p.catalog.removed);
      }
      if (p.prices.length > 0) {
        out.push(`### Price changes (${p.prices.length})`, '', '| Model | Before | After |', '| --- | --- | --- |');
        for (const c of p.prices.slice(0, LIST_LIMIT)) out.push(`| \`${c.id}\` | ${formatPrice(c.before)} | ${formatPrice(c.after)} |`);
        if (p.prices.length > LIST_LIMIT) out.push(`| … and ${p.prices.length - LIST_LIMIT} more (see drift-report.json) | | |`);
        out.push('');
      }
    }
    if (p.notes.length > 0) {
      out.push('Notes:', '');
      for (const n of p.notes) out.push(`- ${n}`);
      out.push('');
    }
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

function list(out: string[], title: string, ids: readonly string[]): void {
  if (ids.length === 0) return;
  out.push(`### ${title} (${ids.length})`, '');
  for (const id of ids.slice(0, LIST_LIMIT)) out.push(`- \`${id}\``);
  if (ids.length > LIST_LIMIT) out.push(`- … and ${ids.length - LIST_LIMIT} more (see drift-report.json)`);
  out.push('');
}

/** One line per provider for the terminal. */
export function driftSummaryLines(report: DriftReport): string[] {
  const lines: string[] = [];
  for (const p of report.providers) {
    const n = NAMES[p.provider];
    if (p.outcome === 'failed') lines.push(`${n}: fetch failed; previous snapshot kept`);
    else if (p.outcome === 'first') lines.push(`${n}: first snapshot, ${p.models.after} models`);
    else if (p.outcome === 'unchanged') lines.push(`${n}: no changes (${p.models.after} models)`);
    else {
      const parts = [
        `${p.added.length} added`,
        `${p.removed.length} removed`,
        ...(p.provider === 'fal' ? [`${p.deprecated.length} deprecated`, `${p.documents.changed.length} document(s) changed`] : []),
        `${p.prices.length} price change(s)`,
        ...(p.catalog?.first ? [`public catalog: first snapshot (${p.catalog.models} models)`] : []),
      ];
      lines.push(`${n}: ${p.models.before} → ${p.models.after} models; ${parts.join(', ')}`);
    }
  }
  if (report.providers.length > 0 && report.providers.every((p) => p.outcome === 'unchanged')) lines.unshift('No changes at the providers since the previous snapshot.');
  return lines;
}

import { cmp } from '../core/diagnostic.js';
import { canonicalJson, isObject } from '../core/json.js';
import { diffOpenApi, impactOf, type Change, type Impact } from '../diff/index.js';
import type { CometCatalog } from './comet/catalog.js';
import type { CometApiCatalog } from './comet/api-catalog.js';
import type { FalListing } from './fal/types.js';

/**
 * What changed at the providers between the snapshot before a fetch and the
 * one after it: models added, removed and deprecated; for each model whose
 * document changed, what the diff engine (src/diff) finds in it, classed by
 * what it does to a caller; price changes with their percentage. Pure (but
 * for `modelChanges`, async because the diff upgrades documents as the build
 * does); written as specs/drift-report.{md,json} with no timestamps, so a pull
 * request shows exactly this.
 */

/** A price as the registry holds it (data/model_registry.json `pricing`); other fields (source, asOf) are not compared. */
export interface Price {
  unitPrice: number | null;
  unit: string;
  currency: string;
  input?: number;
  output?: number;
}

export interface PriceChange {
  id: string;
  before: Price | null;
  after: Price | null;
  /** Change of the unit price (else of the input token price) in percent, one decimal; null when not comparable (no price on a side, unit or currency changed, was 0). */
  percent: number | null;
}

/** One model whose document changed: every change the diff engine found, and what the breaking ones do to a caller. */
export interface ModelChange {
  id: string;
  impacts: Impact[];
  breaking: number;
  nonBreaking: number;
  changes: Change[];
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
  /** Models whose document changed, with what changed in it (only those the diff engine finds a change in). */
  changes: ModelChange[];
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
  /** From `modelChanges`: what changed inside the changed documents. */
  changes?: readonly ModelChange[];
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
  return {
    provider,
    outcome: 'unchanged',
    models: { before, after: before },
    added: [],
    removed: [],
    deprecated: [],
    documents: { changed: [], nowUnavailable: [], nowAvailable: [] },
    changes: [],
    prices: [],
    notes: [...notes],
  };
}

function setDiff(a: Iterable<string>, b: ReadonlySet<string>): string[] {
  return [...a].filter((x) => !b.has(x)).sort(cmp);
}

/**
 * A snapshot's canonical JSON without the dates prices were read on (`as_of`,
 * `asOf`): a fetch on a later day that finds the same prices is no change.
 */
function undated(value: unknown): string {
  return canonicalJson(JSON.parse(JSON.stringify(value ?? null, (k, v: unknown) => (k === 'as_of' || k === 'asOf' ? undefined : v))));
}

const priceKey = (p: Price | null): string =>
  p ? canonicalJson({ unitPrice: p.unitPrice, unit: p.unit, currency: p.currency, input: p.input ?? null, output: p.output ?? null }) : 'null';

function percentOf(a: Price | null, b: Price | null): number | null {
  if (!a || !b || a.unit !== b.unit || a.currency !== b.currency) return null;
  const [x, y] = a.unitPrice !== null && b.unitPrice !== null ? [a.unitPrice, b.unitPrice] : [a.input, b.input];
  if (x === undefined || y === undefined || x === null || y === null || x === 0) return null;
  return Math.round(((y - x) / x) * 1000) / 10;
}

const asPrice = (raw: unknown): Price | null => {
  if (!isObject(raw) || typeof raw.unit !== 'string' || typeof raw.currency !== 'string') return null;
  const unitPrice = typeof raw.unitPrice === 'number' ? raw.unitPrice : null;
  return {
    unitPrice,
    unit: raw.unit,
    currency: raw.currency,
    ...(typeof raw.input === 'number' ? { input: raw.input } : {}),
    ...(typeof raw.output === 'number' ? { output: raw.output } : {}),
  };
};

/** A registry as far as prices go: `data/model_registry.json`, or null when there was none. */
export interface PricedRegistry {
  models: ReadonlyArray<{ provider: string; id: string; pricing?: unknown }>;
}

/**
 * Price changes of one provider's models between two registries: models in
 * both whose unit price, unit, currency or token prices differ (the source and
 * date of a price are not compared), with the percentage of the change.
 */
export function priceChanges(before: PricedRegistry | null, after: PricedRegistry | null, provider: string): PriceChange[] {
  const mine = (r: PricedRegistry | null) => (r?.models ?? []).filter((m) => isObject(m) && m.provider === provider && typeof m.id === 'string');
  const old = new Map(mine(before).map((m) => [m.id, asPrice(m.pricing)] as const));
  const out: PriceChange[] = [];
  for (const m of mine(after)) {
    if (!old.has(m.id)) continue;
    const a = old.get(m.id) ?? null;
    const b = asPrice(m.pricing);
    if (priceKey(a) !== priceKey(b)) out.push({ id: m.id, before: a, after: b, percent: percentOf(a, b) });
  }
  return out.sort((x, y) => cmp(x.id, y.id));
}

/** The drift with its price changes taken from the registries before and after the fetch (a failed provider keeps none). */
export function withPrices(d: ProviderDrift, before: PricedRegistry | null, after: PricedRegistry | null): ProviderDrift {
  if (d.outcome === 'failed' || d.outcome === 'first') return d;
  const prices = priceChanges(before, after, d.provider);
  return { ...d, prices, outcome: d.outcome === 'unchanged' && prices.length > 0 ? 'changed' : d.outcome };
}

/**
 * Diff every document that changed between two FAL snapshots with the diff
 * engine (the same one as `api-hub diff`), by model. `files` are the snapshot
 * files (path inside specs/providers/fal/ -> text) before and after.
 */
export async function modelChanges(
  before: FalListing | null,
  after: FalListing,
  files: { before: ReadonlyMap<string, string>; after: ReadonlyMap<string, string> },
): Promise<ModelChange[]> {
  const old = new Map((before?.models ?? []).map((m) => [m.endpoint_id, m] as const));
  const out: ModelChange[] = [];
  for (const m of [...after.models].sort((x, y) => cmp(x.endpoint_id, y.endpoint_id))) {
    const b = old.get(m.endpoint_id);
    if (b?.openapi.status !== 'available' || m.openapi.status !== 'available' || b.openapi.sha256 === m.openapi.sha256) continue;
    const oldText = files.before.get(b.openapi.file);
    const newText = files.after.get(m.openapi.file);
    if (oldText === undefined || newText === undefined) continue;
    let oldDoc: unknown;
    let newDoc: unknown;
    try {
      oldDoc = JSON.parse(oldText);
      newDoc = JSON.parse(newText);
    } catch {
      continue; // not JSON: the fetch reports unreadable documents itself
    }
    if (!isObject(oldDoc) || !isObject(newDoc)) continue;
    const r = await diffOpenApi(oldDoc, newDoc);
    if (r.changes.length === 0) continue;
    const impacts = new Set<Impact>();
    for (const c of r.changes) {
      const i = impactOf(c);
      if (i) impacts.add(i);
    }
    out.push({ id: m.endpoint_id, impacts: IMPACTS.filter((i) => impacts.has(i)), breaking: r.breaking, nonBreaking: r.nonBreaking, changes: r.changes });
  }
  return out;
}

const IMPACTS: readonly Impact[] = [
  'input-required',
  'input-enum-removed',
  'input-removed',
  'input-narrowed',
  'output-lost',
  'output-retyped',
  'operation-removed',
];

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
  d.changes = [...(input.changes ?? [])];
  for (const [id, a] of [...after].sort(([x], [y]) => cmp(x, y))) {
    const b = before.get(id);
    if (!b) continue;
    const bs = b.openapi.status === 'available' ? b.openapi.sha256 : null;
    const as = a.openapi.status === 'available' ? a.openapi.sha256 : null;
    if (bs && as && bs !== as) d.documents.changed.push(id);
    if (bs && !as) d.documents.nowUnavailable.push(id);
    if (!bs && as) d.documents.nowAvailable.push(id);
  }
  d.outcome = input.before === null ? 'first' : hasChanges(d) || undated(input.before) !== undated(input.after) ? 'changed' : 'unchanged';
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
    d.catalog = {
      models: ca.size,
      first,
      added: input.before.api ? setDiff(ca.keys(), new Set(cb.keys())) : [],
      removed: setDiff(cb.keys(), new Set(ca.keys())),
    };
  }
  const changedFiles = canonicalJson(input.before.v1) !== canonicalJson(input.after.v1) || undated(input.before.api) !== undated(input.after.api);
  d.outcome = input.before.v1 === null ? 'first' : hasChanges(d) || changedFiles ? 'changed' : 'unchanged';
  return d;
}

function hasChanges(d: ProviderDrift): boolean {
  return (
    d.added.length +
      d.removed.length +
      d.deprecated.length +
      d.documents.changed.length +
      d.documents.nowAvailable.length +
      d.documents.nowUnavailable.length +
      d.prices.length >
      0 || (d.catalog ? d.catalog.first || d.catalog.added.length + d.catalog.removed.length > 0 : false)
  );
}

export function driftReport(providers: readonly ProviderDrift[]): DriftReport {
  return {
    changed: providers.some((p) => p.outcome === 'changed' || p.outcome === 'first'),
    providers: [...providers].sort((a, b) => cmp(a.provider, b.provider)),
  };
}

const NAMES = { fal: 'FAL', comet: 'Comet' } as const;
/** How many ids a summary line names before "… and N more" (the classes callers must act on are never cut). */
const SUMMARY_LIMIT = 20;
/** Lists longer than this are cut in the folded details (the JSON has them all). */
const LIST_LIMIT = 500;

export function formatPrice(p: Price | null): string {
  if (!p) return 'none';
  if (p.unitPrice !== null) return `${p.unitPrice} ${p.currency} / ${p.unit}`;
  const parts = [p.input !== undefined ? `in ${p.input}` : '', p.output !== undefined ? `out ${p.output}` : ''].filter(Boolean).join(', ');
  return `${parts} ${p.currency} / ${p.unit}`;
}

const formatPercent = (n: number | null): string => (n === null ? '' : ` (${n > 0 ? '+' : ''}${n}%)`);

/** The classes of the summary, in order, and whether every model in them is named there. */
const CLASSES: ReadonlyArray<[Impact, string, boolean]> = [
  ['input-required', 'Input gained a required property', true],
  ['input-enum-removed', 'Input lost an enum value', true],
  ['input-removed', 'Input lost a property', true],
  ['input-narrowed', 'Input narrowed (type or limits)', true],
  ['output-lost', 'Output lost something', true],
  ['output-retyped', 'Output retyped', true],
  ['operation-removed', 'Operation removed', true],
];

/** What a change did, without its place: `enum value "png" removed`. */
function whatOf(c: Change): string {
  const head = `${c.where}${c.property ? ` ${c.property}` : ''}: `;
  const rest = c.message.startsWith(head) ? c.message.slice(head.length) : c.message;
  return rest.replace(/; reaches .*$/, '');
}

/** The few words the summary gives one change of a class: `output_format "png"`, `seed`, `num_images: type changed from integer to string`. */
function shortOf(c: Change, impact: Impact): string {
  const place = c.property ?? c.where;
  switch (impact) {
    case 'input-narrowed':
    case 'output-retyped':
      return `${place}: ${whatOf(c)}`;
    case 'operation-removed':
      return c.method ? `${c.method.toUpperCase()} ${c.path ?? ''}` : (c.path ?? c.where);
    default:
      return place;
  }
}

const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;
const esc = (s: string): string => s.replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;'));

/** One summary line: `- **Title** (n): `a` (x, y), `b` (z)`, cut after `limit` models unless `all`. */
function classLine(title: string, models: ReadonlyArray<{ id: string; detail?: string }>, all: boolean): string {
  const shown = all ? models : models.slice(0, SUMMARY_LIMIT);
  const items = shown.map((m) => `${code(m.id)}${m.detail ? ` (${esc(m.detail)})` : ''}`).join(', ');
  const more = models.length > shown.length ? `, … and ${models.length - shown.length} more (details below)` : '';
  return `- **${title}** (${models.length}): ${items}${more}`;
}

function detailOf(changes: readonly Change[], impact: Impact): string {
  const mine = changes.filter((c) => impactOf(c) === impact);
  let parts: string[];
  if (impact === 'input-enum-removed') {
    // One entry per property, with all the values it lost: `output_format "png", "webp"`.
    const byPlace = new Map<string, string[]>();
    for (const c of mine) {
      const place = c.property ?? c.where;
      const value = /^enum value (.*) removed$/.exec(whatOf(c))?.[1] ?? '';
      byPlace.set(place, [...(byPlace.get(place) ?? []), value]);
    }
    parts = [...byPlace].map(([place, values]) => `${place} ${values.join(', ')}`);
  } else parts = [...new Set(mine.map((c) => shortOf(c, impact)))];
  return parts.length > 4 ? `${parts.slice(0, 4).join('; ')}; …` : parts.join('; ');
}

/**
 * The Markdown a pull request can include. Deterministic: no times, sorted
 * lists. First a summary per provider, one line per class, naming every model
 * whose callers must change (and how), so that it stays short on any drift;
 * then the details, folded: every change of every changed model, the lists
 * of models and the price table.
 */
export function renderDriftMarkdown(report: DriftReport): string {
  const out: string[] = [
    '# Provider drift',
    '',
    'Written by `api-hub fetch`: what changed at the providers between the previous snapshot and this one. Summary first; details (folded) after it; everything in drift-report.json.',
    '',
  ];
  if (!report.changed && report.providers.every((p) => p.outcome === 'unchanged')) {
    out.push('**No changes at the providers** since the previous snapshot.', '');
  }
  for (const p of report.providers) providerSummary(out, p);
  const details: string[] = [];
  for (const p of report.providers) if (p.outcome === 'changed') providerDetails(details, p);
  if (details.length > 0) out.push('## Details', '', ...details);
  return out.join('\n').replace(/\n+$/, '\n');
}

/** A provider's summary: its heading, what happened to its snapshot, and its notes. */
function providerSummary(out: string[], p: ProviderDrift): void {
  out.push(`## ${NAMES[p.provider]}`, '');
  if (p.outcome === 'failed') {
    out.push(`**Fetch failed; the previous snapshot was kept.** ${p.error ?? ''}`.trim(), '');
  } else if (p.outcome === 'first') {
    out.push(`First snapshot: ${p.models.after} models.`, '');
  } else if (p.outcome === 'unchanged') {
    out.push(`No changes (${p.models.after} models).`, '');
  } else {
    out.push(countsLine(p), '');
    if (!hasChanges(p)) out.push('Only listing details changed (descriptions, tags, dates…): see the diff of the snapshot files.', '');
    const lines = classLines(p);
    if (lines.length) out.push(...lines, '');
  }
  if (p.notes.length > 0) {
    out.push('Notes:', '');
    for (const n of p.notes) out.push(`- ${n}`);
    out.push('');
  }
}

/** `Models: 10 → 12 (+3, −1). 2 document(s) changed, 1 of them breaking callers.` */
function countsLine(p: ProviderDrift): string {
  const delta = [
    p.added.length ? `+${p.added.length}` : '',
    p.removed.length ? `−${p.removed.length}` : '',
    p.deprecated.length ? `${p.deprecated.length} deprecated` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const broken = p.changes.filter((m) => m.breaking > 0).length;
  const docs = p.documents.changed.length
    ? ` ${p.documents.changed.length} document(s) changed${p.provider === 'fal' ? `, ${broken} of them breaking callers` : ''}.`
    : '';
  return `Models: ${p.models.before} → ${p.models.after}${delta ? ` (${delta})` : ''}.${docs}`;
}

/** One summary line per class of change, then the model lists, prices, documents and public catalog. */
function classLines(p: ProviderDrift): string[] {
  const lines: string[] = [];
  for (const [impact, title, all] of CLASSES) {
    const models = p.changes.filter((m) => m.impacts.includes(impact)).map((m) => ({ id: m.id, detail: detailOf(m.changes, impact) }));
    if (models.length > 0) lines.push(classLine(title, models, all));
  }
  const ids = (list: readonly string[]) => list.map((id) => ({ id }));
  if (p.removed.length) lines.push(classLine('Removed', ids(p.removed), false));
  if (p.deprecated.length) lines.push(classLine('Deprecated (no longer in the active list)', ids(p.deprecated), false));
  if (p.added.length) lines.push(classLine('Added', ids(p.added), false));
  if (p.prices.length)
    lines.push(
      classLine(
        'Price changes',
        p.prices.map((c) => ({ id: c.id, detail: `${formatPrice(c.before)} → ${formatPrice(c.after)}${formatPercent(c.percent)}` })),
        false,
      ),
    );
  if (p.documents.nowUnavailable.length) lines.push(classLine('Documents no longer available', ids(p.documents.nowUnavailable), false));
  if (p.documents.nowAvailable.length) lines.push(classLine('Documents available again', ids(p.documents.nowAvailable), false));
  if (p.catalog?.first) lines.push(`- Public catalog (/api/models): first snapshot, ${p.catalog.models} models.`);
  if (p.catalog?.added.length) lines.push(classLine('Added to the public catalog (/api/models)', ids(p.catalog.added), false));
  if (p.catalog?.removed.length) lines.push(classLine('Removed from the public catalog (/api/models)', ids(p.catalog.removed), false));
  return lines;
}

/** A changed provider's folded details: changes by model, the model lists, the price table. */
function providerDetails(details: string[], p: ProviderDrift): void {
  const n = NAMES[p.provider];
  const breaking = p.changes.filter((m) => m.breaking > 0);
  const calm = p.changes.filter((m) => m.breaking === 0);
  modelsSection(details, `${n}: breaking changes by model (${breaking.length})`, breaking);
  modelsSection(details, `${n}: documents with only non-breaking changes (${calm.length})`, calm);
  listSection(details, `${n}: added (${p.added.length})`, p.added);
  listSection(details, `${n}: removed (${p.removed.length})`, p.removed);
  listSection(details, `${n}: deprecated (${p.deprecated.length})`, p.deprecated);
  if (p.provider === 'fal') listSection(details, `${n}: documents changed (${p.documents.changed.length})`, p.documents.changed);
  if (p.prices.length > 0) pricesSection(details, `${n}: price changes (${p.prices.length})`, p.prices);
}

function pricesSection(out: string[], title: string, prices: readonly PriceChange[]): void {
  out.push(`<details><summary>${title}</summary>`, '', '| Model | Before | After | Change |', '| --- | --- | --- | --: |');
  for (const c of prices.slice(0, LIST_LIMIT))
    out.push(
      `| ${code(c.id)} | ${formatPrice(c.before)} | ${formatPrice(c.after)} | ${c.percent === null ? '' : `${c.percent > 0 ? '+' : ''}${c.percent}%`} |`,
    );
  if (prices.length > LIST_LIMIT) out.push(`| … and ${prices.length - LIST_LIMIT} more (see drift-report.json) | | | |`);
  out.push('', '</details>', '');
}

function modelsSection(out: string[], title: string, models: readonly ModelChange[]): void {
  if (models.length === 0) return;
  out.push(`<details><summary>${title}</summary>`, '');
  for (const m of models.slice(0, LIST_LIMIT)) {
    out.push(`#### ${code(m.id)}`, '');
    for (const c of m.changes)
      out.push(`- ${c.breaking ? '⚠️ ' : ''}${esc(c.method && c.path ? `${c.method.toUpperCase()} ${c.path}: ${c.message}` : c.message)}`);
    out.push('');
  }
  if (models.length > LIST_LIMIT) out.push(`… and ${models.length - LIST_LIMIT} more (see drift-report.json)`, '');
  out.push('</details>', '');
}

function listSection(out: string[], title: string, ids: readonly string[]): void {
  if (ids.length === 0) return;
  out.push(`<details><summary>${title}</summary>`, '');
  for (const id of ids.slice(0, LIST_LIMIT)) out.push(`- ${code(id)}`);
  if (ids.length > LIST_LIMIT) out.push(`- … and ${ids.length - LIST_LIMIT} more (see drift-report.json)`);
  out.push('', '</details>', '');
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
        ...(p.provider === 'fal'
          ? [
              `${p.deprecated.length} deprecated`,
              `${p.documents.changed.length} document(s) changed (${p.changes.filter((m) => m.breaking > 0).length} breaking callers)`,
            ]
          : []),
        `${p.prices.length} price change(s)`,
        ...(p.catalog?.first ? [`public catalog: first snapshot (${p.catalog.models} models)`] : []),
      ];
      lines.push(`${n}: ${p.models.before} → ${p.models.after} models; ${parts.join(', ')}`);
    }
  }
  if (report.providers.length > 0 && report.providers.every((p) => p.outcome === 'unchanged'))
    lines.unshift('No changes at the providers since the previous snapshot.');
  return lines;
}

import { cmp } from '../../core/diagnostic.js';
import type { RegistryIndex } from './hub-data.js';
import { matchScore, nearest } from './rank.js';
import { describePrice, type ModelEntry, type ModelPrice } from './registry-read.js';

export interface ModelFilter {
  /** Free text over id, name, category and tags. */
  query?: string;
  provider?: string;
  category?: string;
  status?: string;
}

/**
 * The models matching a filter, best match first (then shorter ids, then by provider and id).
 * Provider, category and status compare case-insensitively and exactly.
 */
export function searchModels(index: RegistryIndex, filter: ModelFilter): ModelEntry[] {
  const eq = (a: string | null, b: string | undefined): boolean => b === undefined || b.trim() === '' || (a ?? '').toLowerCase() === b.trim().toLowerCase();
  const scored: Array<{ m: ModelEntry; s: number }> = [];
  for (const m of index.models) {
    if (!eq(m.provider, filter.provider) || !eq(m.category, filter.category) || !eq(m.status, filter.status)) continue;
    const s = matchScore({ id: m.id, text: [m.displayName, m.category ?? '', m.provider, ...m.tags] }, filter.query ?? '');
    if (s !== null) scored.push({ m, s });
  }
  scored.sort((a, b) => b.s - a.s || a.m.id.length - b.m.id.length || cmp(a.m.provider, b.m.provider) || cmp(a.m.id, b.m.id));
  return scored.map((x) => x.m);
}

/** One line of a search result. */
export interface ModelSummary {
  provider: string;
  id: string;
  name: string;
  category: string | null;
  status: string;
  /** `0.4 USD per video`; null when the registry has no price. */
  price: string | null;
  pricing: ModelPrice | null;
}

export function summarizeModel(m: ModelEntry): ModelSummary {
  return { provider: m.provider, id: m.id, name: m.displayName, category: m.category, status: m.status, price: describePrice(m.pricing), pricing: m.pricing };
}

export type ModelLookup = { ok: true; model: ModelEntry } | { ok: false; message: string; suggestions: string[] };

/** A model by id (and provider when two providers share an id); otherwise the nearest ids. */
export function findModel(index: RegistryIndex, id: string, provider?: string): ModelLookup {
  const trimmed = id.trim();
  const list = index.byId.get(trimmed) ?? [];
  const hits = provider ? list.filter((m) => m.provider === provider.toLowerCase()) : list;
  const [first, second] = hits;
  if (first && !second) return { ok: true, model: first };
  if (first && second) {
    return {
      ok: false,
      message: `"${trimmed}" is a model of several providers (${hits.map((m) => m.provider).join(', ')}); give provider too.`,
      suggestions: hits.map((m) => `${m.provider}:${m.id}`),
    };
  }
  // Also accept "provider:id" and a case-insensitive exact id.
  const colon = /^([a-z]+):(.+)$/.exec(trimmed);
  if (colon && index.byKey.has(`${colon[1]}:${colon[2]}`)) return { ok: true, model: index.byKey.get(`${colon[1]}:${colon[2]}`)! };
  const ci = index.models.filter((m) => m.id.toLowerCase() === trimmed.toLowerCase() && (!provider || m.provider === provider.toLowerCase()));
  if (ci.length === 1 && ci[0]) return { ok: true, model: ci[0] };
  const models = provider ? index.models.filter((m) => m.provider === provider.toLowerCase()) : index.models;
  const suggestions = suggestModels(models, trimmed);
  const family = models.filter((m) => m.tags.some((t) => t.toLowerCase() === trimmed.toLowerCase()));
  return {
    ok: false,
    message:
      `No model "${trimmed}"${provider ? ` from provider ${provider}` : ''} in the registry (${index.models.length} models).` +
      (family.length > 0 ? ` "${trimmed}" names a family of ${family.length} model(s); search_models with query "${trimmed}" lists them all.` : ''),
    suggestions,
  };
}

/**
 * The nearest models to an unknown id, across ids, display names and
 * families: models the text finds (an id word, a name, a family tag such as
 * `midjourney` for `mj_*`) first, then the ids and names nearest by spelling.
 */
export function suggestModels(models: readonly ModelEntry[], query: string, n = 5): string[] {
  const out: string[] = [];
  const add = (id: string): void => {
    if (out.length < n && !out.includes(id)) out.push(id);
  };
  const found: Array<{ m: ModelEntry; s: number }> = [];
  for (const m of models) {
    const s = matchScore({ id: m.id, text: [m.displayName, ...m.tags] }, query);
    if (s !== null && s > 0) found.push({ m, s });
  }
  found.sort((a, b) => b.s - a.s || a.m.id.length - b.m.id.length || cmp(a.m.id, b.m.id));
  for (const { m } of found.slice(0, n)) add(m.id);
  const byName = new Map<string, string>();
  for (const m of models) if (m.displayName !== m.id && !byName.has(m.displayName)) byName.set(m.displayName, m.id);
  const near = nearest(query, [...models.map((m) => m.id), ...byName.keys()], n);
  for (const c of near) add(byName.get(c) ?? c);
  return out;
}

/** Distinct values with counts, for `api-hub models` and the tool descriptions. */
export function facetCounts(models: readonly ModelEntry[], key: 'provider' | 'category' | 'status'): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const m of models) {
    const v = m[key] ?? '(none)';
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]));
}

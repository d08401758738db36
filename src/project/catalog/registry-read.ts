import { isObject } from '../../core/json.js';

/** A model's price as the hub reports it; the fields the registry may grow beyond these are kept in `extra`. */
export interface ModelPrice {
  unitPrice: number | null;
  unit: string;
  currency: string;
  input?: number;
  output?: number;
  /** Where the price came from (`fal-pricing-api`, `fal-public-snapshot`, `comet-api-models`, …) and its date; absent when the registry does not say. */
  source?: string;
  asOf?: string;
}

/** One model of `data/model_registry.json`, read defensively (the registry's shape is still growing). */
export interface ModelEntry {
  provider: string;
  id: string;
  displayName: string;
  category: string | null;
  status: string;
  tags: string[];
  pricing: ModelPrice | null;
  document: { available: boolean; file: string | null; sha256: string | null; reason: string | null };
  operationIds: string[];
  /** Fields this version of the server does not know, passed through as they are. */
  extra: Record<string, unknown>;
}

const KNOWN = new Set(['provider', 'id', 'displayName', 'category', 'status', 'tags', 'pricing', 'document', 'operationIds']);

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined);

/** A price from the registry: `{unitPrice, unit, currency, input?, output?}`; null when there is nothing usable. */
export function readPrice(raw: unknown): ModelPrice | null {
  if (!isObject(raw)) return null;
  const unitPrice = num(raw.unitPrice) ?? num(raw.unit_price) ?? null;
  const input = num(raw.input);
  const output = num(raw.output);
  if (unitPrice === null && input === undefined && output === undefined) return null;
  const source = str(raw.source);
  const asOf = str(raw.asOf) ?? str(raw.as_of);
  return {
    unitPrice,
    unit: str(raw.unit) ?? 'unit',
    currency: str(raw.currency) ?? 'USD',
    ...(input !== undefined ? { input } : {}),
    ...(output !== undefined ? { output } : {}),
    ...(source !== undefined ? { source } : {}),
    ...(asOf !== undefined ? { asOf } : {}),
  };
}

/**
 * The registry's models, each checked field by field: an entry without a
 * provider and an id is skipped (and counted), a missing or odd field gets a
 * neutral value. Unknown fields are kept in `extra`.
 */
export function readRegistry(data: unknown): { models: ModelEntry[]; skipped: number } {
  const list = isObject(data) && Array.isArray(data.models) ? data.models : Array.isArray(data) ? data : [];
  const models: ModelEntry[] = [];
  let skipped = 0;
  for (const raw of list) {
    if (!isObject(raw)) {
      skipped++;
      continue;
    }
    const provider = str(raw.provider);
    const id = str(raw.id);
    if (!provider || !id) {
      skipped++;
      continue;
    }
    const doc = isObject(raw.document) ? raw.document : {};
    const extra: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw)) if (!KNOWN.has(k)) extra[k] = v;
    models.push({
      provider,
      id,
      displayName: str(raw.displayName) ?? id,
      category: str(raw.category) ?? null,
      status: str(raw.status) ?? 'active',
      tags: Array.isArray(raw.tags) ? raw.tags.filter((t): t is string => typeof t === 'string') : [],
      pricing: readPrice(raw.pricing),
      document: {
        available: doc.available === true,
        file: str(doc.file) ?? null,
        sha256: str(doc.sha256) ?? null,
        reason: str(doc.reason) ?? null,
      },
      operationIds: Array.isArray(raw.operationIds) ? raw.operationIds.filter((t): t is string => typeof t === 'string') : [],
      extra,
    });
  }
  return { models, skipped };
}

/**
 * `0.05 USD per video (fal-pricing-api, as of 2026-01-04)`, `input 2.5, output 10 USD per 1M tokens`, or null.
 * The source and date follow whenever the registry records them.
 */
export function describePrice(p: ModelPrice | null): string | null {
  if (!p) return null;
  const from = priceOrigin(p);
  if (p.unitPrice !== null) return `${formatAmount(p.unitPrice)} ${p.currency} per ${p.unit}${from ? ` (${from})` : ''}`;
  const parts: string[] = [];
  if (p.input !== undefined) parts.push(`input ${formatAmount(p.input)}`);
  if (p.output !== undefined) parts.push(`output ${formatAmount(p.output)}`);
  return `${parts.join(', ')} ${p.currency} per ${p.unit}${from ? ` (${from})` : ''}`;
}

/** `fal-public-snapshot, as of 2025-10-30`; `fal-pricing-api, date not recorded`; null when the source is not known. */
export function priceOrigin(p: ModelPrice): string | null {
  if (!p.source) return null;
  return `${p.source}, ${p.asOf ? `as of ${p.asOf}` : 'date not recorded'}`;
}

/** How to get a price for a model the registry has none for. */
export function howToGetPrice(provider: string): string {
  return provider === 'fal'
    ? "Get one with `api-hub fetch --provider fal` and FAL_API_KEY (or FAL_KEY) set (FAL's pricing API needs a key), or import a saved /v1/models/pricing response with `api-hub fetch --provider fal --prices-from FILE --as-of YYYY-MM-DD`; or ask FAL live (live=true, or --live on the command line)."
    : provider === 'comet'
      ? 'Comet publishes prices in its public catalog GET /api/models: run `api-hub fetch --provider comet` (needs COMET_API_KEY for the model list), or import a saved response with `api-hub fetch --provider comet --from v1-models.json api-models.json`.'
      : `Refresh the ${provider} snapshot with \`api-hub fetch\`.`;
}

/** A money amount without float noise: 0.1 * 3 -> `0.3`, 0.0000025 stays `0.0000025`. */
export function formatAmount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const v = Number(n.toPrecision(12));
  return Object.is(v, -0) ? '0' : String(v);
}

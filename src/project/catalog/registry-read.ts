import { isObject } from '../../core/json.js';

/** A model's price as the hub reports it; the fields the registry may grow beyond these are kept in `extra`. */
export interface ModelPrice {
  unitPrice: number | null;
  unit: string;
  currency: string;
  input?: number;
  output?: number;
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
  return {
    unitPrice,
    unit: str(raw.unit) ?? 'unit',
    currency: str(raw.currency) ?? 'USD',
    ...(input !== undefined ? { input } : {}),
    ...(output !== undefined ? { output } : {}),
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

/** `0.05 USD per video`, `2.5 / 10 USD per 1M tokens (input / output)`, or null. */
export function describePrice(p: ModelPrice | null): string | null {
  if (!p) return null;
  if (p.unitPrice !== null) return `${formatAmount(p.unitPrice)} ${p.currency} per ${p.unit}`;
  const parts: string[] = [];
  if (p.input !== undefined) parts.push(`input ${formatAmount(p.input)}`);
  if (p.output !== undefined) parts.push(`output ${formatAmount(p.output)}`);
  return `${parts.join(', ')} ${p.currency} per ${p.unit}`;
}

/** A money amount without float noise: 0.1 * 3 -> `0.3`, 0.0000025 stays `0.0000025`. */
export function formatAmount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const v = Number(n.toPrecision(12));
  return Object.is(v, -0) ? '0' : String(v);
}

import { cmp } from '../core/diagnostic.js';
import type { FalListing } from '../fetch/fal/types.js';
import type { CometCatalog } from '../fetch/comet/catalog.js';
import type { CometApiCatalog } from '../fetch/comet/api-catalog.js';
import { classifyCometModel } from './comet-category.js';
import { cometPricing, type PriceAmount } from '../fetch/pricing.js';
import { FAL_ROLES, falOperationBases, falOperationId } from '../core/naming.js';

export type { PriceAmount };

/** A price with where it came from (`fal-pricing-api`, `fal-public-snapshot`, `comet-api-models`, …) and its date (YYYY-MM-DD; null when not recorded). */
export interface RegistryPricing extends PriceAmount {
  source: string;
  asOf: string | null;
}

/** The source label of prices from Comet's public catalog, `GET /api/models`. */
export const COMET_PRICE_SOURCE = 'comet-api-models';

/** One model of any provider: `data/model_registry.json` (schema: schemas/model-registry.schema.json). */
export interface RegistryEntry {
  provider: 'fal' | 'comet';
  id: string;
  displayName: string;
  category: string | null;
  status: string;
  tags: string[];
  pricing: RegistryPricing | null;
  document: { available: boolean; file: string | null; sha256: string | null; reason: string | null };
  operationIds: string[];
}

export interface ModelRegistry {
  $schema: string;
  counts: { total: number; fal: number; comet: number; withDocument: number };
  models: RegistryEntry[];
}

/** Comet as loaded from its snapshot: the /v1/models catalog, plus the public catalog and the curated document when present. */
export type CometSnapshot = CometCatalog & {
  api?: CometApiCatalog | null;
  /** The curated document every Comet model is served by; null when there is none. */
  document?: { file: string; sha256: string } | null;
};

export const COMET_DOCUMENT_FILE = 'specs/providers/comet/openapi.yaml';

/** The provider snapshots on disk, as read by the project layer (a provider never fetched is null). */
export interface Snapshots {
  fal: FalListing | null;
  comet: CometSnapshot | null;
}

/** The registry file's bytes: deterministic, so fetch and build write the same. */
export function serializeRegistry(registry: ModelRegistry): string {
  return JSON.stringify(registry, null, 2) + '\n';
}

/**
 * The registry, derived purely from the provider snapshots, so fetch and build
 * write the same bytes. FAL operationIds come from the same naming function the
 * build uses; Comet models are served by the OpenAI-compatible operations that
 * take a `model` field, which depend on the model's kind, so none is claimed.
 * Comet's pricing comes from its public catalog (/api/models); its category
 * from that catalog's features and model type, else from the model id
 * (comet-category.ts), and its family joins its tags.
 */
export function buildRegistry(fal: FalListing | null, comet: CometSnapshot | null): ModelRegistry {
  const models: RegistryEntry[] = [];
  if (fal) {
    const available = fal.models.filter((m) => m.openapi.status === 'available').map((m) => m.endpoint_id);
    const { bases } = falOperationBases(available);
    for (const m of fal.models) {
      const md = m.metadata ?? {};
      const base = bases.get(m.endpoint_id);
      const doc = m.openapi;
      models.push({
        provider: 'fal',
        id: m.endpoint_id,
        displayName: typeof md.display_name === 'string' && md.display_name ? md.display_name : m.endpoint_id,
        category: typeof md.category === 'string' ? md.category : null,
        status: doc.status === 'available' ? (typeof md.status === 'string' ? md.status : 'active') : 'unavailable',
        tags: Array.isArray(md.tags) ? md.tags.filter((t): t is string => typeof t === 'string') : [],
        pricing: m.pricing
          ? {
              unitPrice: m.pricing.unit_price,
              unit: m.pricing.unit,
              currency: m.pricing.currency,
              source: m.pricing.source ?? 'fal-pricing-api',
              asOf: m.pricing.as_of ?? null,
            }
          : null,
        document:
          doc.status === 'available'
            ? { available: true, file: `specs/providers/fal/${doc.file}`, sha256: doc.sha256, reason: null }
            : {
                available: false,
                file: null,
                sha256: null,
                reason: doc.status === 'unavailable' ? `${doc.code}: ${doc.message}` : 'no document in the listing',
              },
        operationIds: base ? FAL_ROLES.map((r) => falOperationId(base, r)) : [],
      });
    }
  }
  if (comet) {
    const catalog = new Map((comet.api?.models ?? []).map((m) => [m.id, m] as const));
    const document: RegistryEntry['document'] =
      comet.document === undefined
        ? { available: true, file: COMET_DOCUMENT_FILE, sha256: null, reason: null }
        : comet.document === null
          ? { available: false, file: null, sha256: null, reason: 'no curated Comet document in the snapshot' }
          : { available: true, file: comet.document.file, sha256: comet.document.sha256, reason: null };
    const asOf = comet.api?.asOf ?? null;
    for (const m of comet.models) {
      const c = catalog.get(m.id);
      const features = c && Array.isArray(c.features) ? c.features.filter((f): f is string => typeof f === 'string') : [];
      const modelType = c && typeof c.model_type === 'string' && c.model_type ? c.model_type : null;
      const { category, family } = classifyCometModel({ id: m.id, ownedBy: m.owned_by, features, modelType });
      const tags = [...new Set([...(family ? [family] : []), ...(m.owned_by ? [m.owned_by] : []), ...features])];
      const amount = c ? cometPricing(c.pricing) : null;
      models.push({
        provider: 'comet',
        id: m.id,
        displayName: m.id,
        category,
        status: 'active',
        tags,
        pricing: amount ? { ...amount, source: COMET_PRICE_SOURCE, asOf } : null,
        document: { ...document },
        operationIds: [],
      });
    }
  }
  models.sort((a, b) => cmp(a.provider, b.provider) || cmp(a.id, b.id));
  return {
    $schema: '../schemas/model-registry.schema.json',
    counts: {
      total: models.length,
      fal: models.filter((m) => m.provider === 'fal').length,
      comet: models.filter((m) => m.provider === 'comet').length,
      withDocument: models.filter((m) => m.document.available).length,
    },
    models,
  };
}

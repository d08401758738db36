import { cmp } from '../core/diagnostic.js';
import type { FalListing } from '../fetch/fal/types.js';
import type { CometCatalog } from '../fetch/comet/catalog.js';
import { FAL_ROLES, falOperationBases, falOperationId } from '../build/naming.js';

/** One model of any provider: `data/model_registry.json` (schema: schemas/model-registry.schema.json). */
export interface RegistryEntry {
  provider: 'fal' | 'comet';
  id: string;
  displayName: string;
  category: string | null;
  status: string;
  tags: string[];
  pricing: { unitPrice: number; unit: string; currency: string } | null;
  document: { available: boolean; file: string | null; sha256: string | null; reason: string | null };
  operationIds: string[];
}

export interface ModelRegistry {
  $schema: string;
  counts: { total: number; fal: number; comet: number; withDocument: number };
  models: RegistryEntry[];
}

/**
 * The registry, derived purely from the provider snapshots, so fetch and build
 * write the same bytes. FAL operationIds come from the same naming function the
 * build uses; Comet models are served by the OpenAI-compatible operations that
 * take a `model` field, which depend on the model's kind, so none is claimed.
 */
export function buildRegistry(fal: FalListing | null, comet: CometCatalog | null): ModelRegistry {
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
        pricing: m.pricing ? { unitPrice: m.pricing.unit_price, unit: m.pricing.unit, currency: m.pricing.currency } : null,
        document:
          doc.status === 'available'
            ? { available: true, file: `specs/providers/fal/${doc.file}`, sha256: doc.sha256, reason: null }
            : { available: false, file: null, sha256: null, reason: doc.status === 'unavailable' ? `${doc.code}: ${doc.message}` : 'no document in the listing' },
        operationIds: base ? FAL_ROLES.map((r) => falOperationId(base, r)) : [],
      });
    }
  }
  if (comet) {
    for (const m of comet.models) {
      models.push({
        provider: 'comet',
        id: m.id,
        displayName: m.id,
        category: null,
        status: 'active',
        tags: m.owned_by ? [m.owned_by] : [],
        pricing: null,
        document: { available: true, file: 'specs/providers/comet/openapi.yaml', sha256: null, reason: null },
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

import { cmp } from '../../core/diagnostic.js';
import type { FalListing, FalListingEntry, FalModelItem } from './types.js';

/** A model's category as FAL lists it; models without one fall under `(none)`. */
export function categoryOf(metadata: { category?: unknown } | null | undefined): string {
  return typeof metadata?.category === 'string' && metadata.category !== '' ? metadata.category : '(none)';
}

/**
 * What `fetch --from` files are, measured against the snapshot: a whole
 * catalog (every category the snapshot has is in the files), or a part of one
 * (e.g. two `?category=` listings), which must not delete the rest.
 */
export interface FalImportPlan {
  whole: boolean;
  /** Categories of the snapshot that no file has, sorted. */
  missingCategories: string[];
  /** Snapshot models not in the files: kept by a merge, removed by a replace. Sorted. */
  notInFiles: FalListingEntry[];
}

export function planFalImport(items: readonly FalModelItem[], old: FalListing | null): FalImportPlan {
  const given = new Set(items.map((i) => i.endpoint_id));
  const categories = new Set(items.map((i) => categoryOf(i.metadata)));
  const missing = new Set<string>();
  const notInFiles: FalListingEntry[] = [];
  for (const m of old?.models ?? []) {
    const c = categoryOf(m.metadata);
    if (!categories.has(c)) missing.add(c);
    if (!given.has(m.endpoint_id)) notInFiles.push(m);
  }
  notInFiles.sort((a, b) => cmp(a.endpoint_id, b.endpoint_id));
  return { whole: missing.size === 0, missingCategories: [...missing].sort(cmp), notInFiles };
}

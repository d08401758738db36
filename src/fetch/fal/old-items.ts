import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256 } from '../../core/hash.js';
import type { FalListingEntry, FalModelItem } from './types.js';

/**
 * Model items as they were fetched, rebuilt from the snapshot in `dir`
 * (specs/providers/fal): metadata from the listing, the document from its
 * file. Null when any document is missing or does not match its hash.
 */
export async function rebuildFalItems(dir: string, entries: Iterable<FalListingEntry>): Promise<FalModelItem[] | null> {
  const out: FalModelItem[] = [];
  for (const m of entries) {
    const item: FalModelItem = { endpoint_id: m.endpoint_id, ...(m.metadata ? { metadata: m.metadata } : {}) };
    const doc = m.openapi;
    if (doc.status === 'available') {
      const text = await readFile(join(dir, doc.file), 'utf8').catch(() => null);
      if (text === null || sha256(text) !== doc.sha256) return null;
      try {
        item.openapi = JSON.parse(text) as Record<string, unknown>;
      } catch {
        return null;
      }
    } else if (doc.status === 'unavailable') {
      item.openapi = { error: { code: doc.code, message: doc.message } };
    }
    out.push(item);
  }
  return out;
}

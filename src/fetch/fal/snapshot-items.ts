import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HubError } from '../../core/errors.js';
import { sha256 } from '../../core/hash.js';
import { projectPaths } from '../../core/paths.js';
import type { FalListing, FalModelItem } from './types.js';

/**
 * The model items a FAL snapshot on disk was built from (listing entry +
 * document), so a snapshot can be rebuilt through the same commit path with
 * only its prices changed. A missing document, or one whose hash does not
 * match the listing, is a HubError naming it: the snapshot must be fetched again.
 */
export async function snapshotItems(root: string, listing: FalListing): Promise<FalModelItem[]> {
  const dir = projectPaths(root).falDir;
  return Promise.all(
    listing.models.map(async (m): Promise<FalModelItem> => {
      const item: FalModelItem = { endpoint_id: m.endpoint_id, ...(m.metadata ? { metadata: m.metadata } : {}) };
      const doc = m.openapi;
      if (doc.status === 'available') {
        const file = `specs/providers/fal/${doc.file}`;
        const text = await readFile(join(dir, doc.file), 'utf8').catch(() => null);
        if (text === null) throw new HubError(`${file}: missing; run \`api-hub fetch --provider fal\` to write the snapshot again`);
        if (sha256(text) !== doc.sha256)
          throw new HubError(
            `${file}: does not match its sha256 in specs/providers/fal/models.json; run \`api-hub fetch --provider fal\` to write the snapshot again`,
          );
        item.openapi = JSON.parse(text) as Record<string, unknown>;
      } else if (doc.status === 'unavailable') {
        item.openapi = { error: { code: doc.code, message: doc.message } };
      }
      return item;
    }),
  );
}

import { cmp } from '../core/diagnostic.js';
import { isObject } from '../core/json.js';
import type { OperationInfo, SpecIndex } from '../project/catalog/spec-index.js';

/** A group of Comet routes: chat, images, Midjourney, Suno…, from the operations' Apidog folder (or first tag). */
export interface CometFamily {
  key: string;
  title: string;
  description: string;
  folder: string | null;
  operations: OperationInfo[];
}

/**
 * The family of a Comet operation: the folder under `Comet/` (`Comet/midjourney/tasks` -> `midjourney`),
 * else its first tag without the `Comet ` prefix (`Comet Midjourney` -> `midjourney`).
 */
export function familyKey(op: OperationInfo): string {
  const segs = op.folder?.split('/').filter(Boolean) ?? [];
  const fromFolder = segs[0]?.toLowerCase() === 'comet' ? segs[1] : segs[0];
  const raw = fromFolder ?? op.tags[0]?.replace(/^comet\s+/i, '') ?? 'other';
  return (
    raw
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'other'
  );
}

/** The Comet operations grouped by family, families by key, routes by path then method. */
export function cometFamilies(doc: unknown, index: SpecIndex): CometFamily[] {
  const tagText = new Map<string, string>();
  if (isObject(doc) && Array.isArray(doc.tags)) {
    for (const t of doc.tags) if (isObject(t) && typeof t.name === 'string' && typeof t.description === 'string') tagText.set(t.name, t.description);
  }
  const byKey = new Map<string, CometFamily>();
  for (const op of index.operations) {
    if (op.provider !== 'comet') continue;
    const key = familyKey(op);
    let fam = byKey.get(key);
    if (!fam) {
      const tag = op.tags[0];
      fam = { key, title: tag ?? `Comet ${key}`, description: (tag && tagText.get(tag)) ?? '', folder: op.folder, operations: [] };
      byKey.set(key, fam);
    }
    fam.operations.push(op);
  }
  const out = [...byKey.values()].sort((a, b) => cmp(a.key, b.key));
  for (const f of out) f.operations.sort((a, b) => cmp(a.path, b.path) || cmp(a.method, b.method));
  return out;
}

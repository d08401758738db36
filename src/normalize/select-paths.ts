import { isObject } from '../core/json.js';
import { HTTP_METHODS } from './schema-walk.js';
import { pruneUnreachable } from './merge.js';
import type { Obj } from './types.js';

export interface Selection {
  /** Operations kept, as `METHOD /path`. */
  kept: string[];
  /** Entries of the list that name nothing in the document. */
  missing: string[];
  /** Operations left out. */
  dropped: number;
  /** Components no kept operation reaches, removed. */
  pruned: number;
  /** Webhooks removed (a selection is of paths). */
  webhooks: number;
}

/**
 * Keep only the listed operations of a provider document: `/path` keeps every
 * operation of the path, `METHOD /path` one of them. Everything else goes,
 * with the webhooks and the components that only the dropped operations
 * reached, so the passes and the merge never see them (a 180-path document of
 * which a dozen routes are wanted). Mutates `doc`.
 */
export function selectPaths(doc: Obj, entries: readonly string[]): Selection {
  const wanted = new Map<string, Set<string> | 'all'>();
  for (const e of entries) {
    const m = /^([A-Za-z]+)\s+(\/.*)$/.exec(e.trim());
    const path = m ? m[2]! : e.trim();
    const prev = wanted.get(path);
    if (!m) wanted.set(path, 'all');
    else if (prev !== 'all') wanted.set(path, new Set([...(prev ?? []), m[1]!.toLowerCase()]));
  }
  const paths = isObject(doc.paths) ? doc.paths : {};
  const out: Obj = {};
  const kept: string[] = [];
  const missing: string[] = [];
  let dropped = 0;
  for (const [path, item] of Object.entries(paths)) {
    const want = wanted.get(path);
    if (!isObject(item)) continue;
    const methods = HTTP_METHODS.filter((m) => isObject(item[m]));
    if (want === undefined) {
      dropped += methods.length;
      continue;
    }
    const keep: Obj = { ...item };
    let any = false;
    for (const m of methods) {
      if (want === 'all' || want.has(m)) {
        kept.push(`${m.toUpperCase()} ${path}`);
        any = true;
      } else {
        delete keep[m];
        dropped++;
      }
    }
    if (any) out[path] = keep;
  }
  for (const [path, want] of wanted) {
    const item = paths[path];
    if (want === 'all') {
      if (!isObject(item)) missing.push(path);
    } else for (const m of want) if (!isObject(item) || !isObject(item[m])) missing.push(`${m.toUpperCase()} ${path}`);
  }
  doc.paths = out;
  const webhooks = isObject(doc.webhooks) ? Object.keys(doc.webhooks).length : 0;
  delete doc.webhooks;
  const comps = isObject(doc.components) ? doc.components : {};
  const sections: Record<string, Obj> = {};
  // Security schemes are named by requirements, not referenced: they stay.
  for (const [k, v] of Object.entries(comps)) if (isObject(v) && k !== 'securitySchemes') sections[k] = v;
  const pruned = pruneUnreachable(out, sections);
  for (const k of Object.keys(comps)) if (k !== 'securitySchemes' && isObject(comps[k]) && !sections[k]) delete comps[k];
  return { kept, missing, dropped, pruned, webhooks };
}

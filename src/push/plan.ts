import { cmp } from '../core/diagnostic.js';
import { HTTP_METHODS } from '../core/http-methods.js';
import { isObject } from '../core/json.js';
import type { ApidogImportOptions } from './config.js';

const METHODS = HTTP_METHODS;

/** Where Apidog files an endpoint that has neither `x-apidog-folder` nor a tag. */
export const ROOT_FOLDER = '(root)';

export interface FolderCount {
  /** `Provider/category/model`, as in `x-apidog-folder`. */
  folder: string;
  endpoints: number;
}

/** What a push sends, counted from the document: the dry run shows it, the real push prints it first. */
export interface PushPlan {
  /** UTF-8 bytes of the document text (the `input` string). */
  bytes: number;
  /** Operations (method + path): Apidog's endpoints. */
  endpoints: number;
  /** `components.schemas` entries: Apidog's schemas. */
  schemas: number;
  /** Endpoints per folder, sorted by folder. */
  folders: FolderCount[];
  /** Distinct folders Apidog will have, parents included (`FAL`, `FAL/text-to-image`, ...). */
  folderCount: number;
  options: ApidogImportOptions;
}

/**
 * Count what Apidog will get. The folder of an endpoint follows Apidog's rule
 * (provider-apis.md §3.2): `x-apidog-folder` (`/`-separated) wins, else the
 * first tag, else the root.
 */
export function planPush(document: unknown, text: string, options: ApidogImportOptions): PushPlan {
  const counts = new Map<string, number>();
  let endpoints = 0;
  const paths = isObject(document) && isObject(document.paths) ? document.paths : {};
  for (const item of Object.values(paths)) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      endpoints++;
      const folder = folderOf(op);
      counts.set(folder, (counts.get(folder) ?? 0) + 1);
    }
  }
  const all = new Set<string>();
  for (const folder of counts.keys()) {
    if (folder === ROOT_FOLDER) continue;
    const parts = folder.split('/');
    for (let i = 1; i <= parts.length; i++) all.add(parts.slice(0, i).join('/'));
  }
  const components = isObject(document) && isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? Object.keys(components.schemas).length : 0;
  const folders = [...counts].map(([folder, n]) => ({ folder, endpoints: n })).sort((a, b) => cmp(a.folder, b.folder));
  return { bytes: Buffer.byteLength(text, 'utf8'), endpoints, schemas, folders, folderCount: all.size, options };
}

function folderOf(op: Record<string, unknown>): string {
  const folder = op['x-apidog-folder'];
  if (typeof folder === 'string' && folder.trim() !== '') {
    const clean = folder
      .split('/')
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .join('/');
    if (clean !== '') return clean;
  }
  const tags = op.tags;
  if (Array.isArray(tags) && typeof tags[0] === 'string' && tags[0] !== '') return tags[0];
  return ROOT_FOLDER;
}

/** Endpoints per folder summed over the first `depth` levels (`FAL/text-to-image`), with how many folders each holds. */
export function rollUp(folders: readonly FolderCount[], depth: number): Array<{ folder: string; endpoints: number; folders: number }> {
  const out = new Map<string, { endpoints: number; folders: number }>();
  for (const f of folders) {
    const key = f.folder.split('/').slice(0, depth).join('/');
    const entry = out.get(key) ?? { endpoints: 0, folders: 0 };
    entry.endpoints += f.endpoints;
    entry.folders += 1;
    out.set(key, entry);
  }
  return [...out].map(([folder, v]) => ({ folder, ...v })).sort((a, b) => cmp(a.folder, b.folder));
}

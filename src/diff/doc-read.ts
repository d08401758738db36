/** What the diff reads from each document: an operation's parameters, security, servers and media types, `$ref`s followed. */
import { cmp } from '../core/diagnostic.js';
import { isObject } from '../core/json.js';
import { childPointer, resolvePointer } from '../core/pointer.js';

/** A JSON object of an OpenAPI document. */
export type Obj = Record<string, unknown>;

/** A value with its local `$ref`s followed (at most 32 links), if it is an object. */
export function deref(doc: Obj, value: unknown): Obj | undefined {
  let v = value;
  for (let i = 0; i < 32 && isObject(v) && typeof v.$ref === 'string' && v.$ref.startsWith('#'); i++) v = resolvePointer(doc, v.$ref.slice(1));
  return isObject(v) ? v : undefined;
}

/** Where a change belongs: provider and model from x-hub-source; for a document from outside the hub, the first tag, else the path. */
export function groupOf(op: Obj | undefined, path: string): { provider?: string; group: string } {
  const src = op && isObject(op['x-hub-source']) ? op['x-hub-source'] : undefined;
  const tag = op && Array.isArray(op.tags) && typeof op.tags[0] === 'string' ? op.tags[0] : undefined;
  if (src && typeof src.provider === 'string') return { provider: src.provider, group: typeof src.endpointId === 'string' ? src.endpointId : (tag ?? path) };
  return { group: tag ?? path };
}

/** An operation's parameters by `in:name`, each with the `$ref` it was given by, if any. */
export function params(doc: Obj, item: Obj, op: Obj, at: { item: string; op: string }): Map<string, { p: Obj; ptr: string; ref?: string }> {
  const out = new Map<string, { p: Obj; ptr: string; ref?: string }>();
  for (const [list, base] of [
    [item.parameters, at.item],
    [op.parameters, at.op],
  ] as const) {
    if (!Array.isArray(list)) continue;
    list.forEach((raw: unknown, i: number) => {
      const p = deref(doc, raw);
      const ref = isObject(raw) && typeof raw.$ref === 'string' ? raw.$ref : undefined;
      const ptr = childPointer(base, 'parameters', i);
      if (p && typeof p.name === 'string' && typeof p.in === 'string') out.set(`${p.in}:${p.name}`, ref ? { p, ptr, ref } : { p, ptr });
    });
  }
  return out;
}

/** The security requirements in force for an operation, each as a sorted `a+b` of scheme names. */
export function securityOf(doc: Obj, op: Obj): Set<string> {
  const reqs = Array.isArray(op.security) ? op.security : Array.isArray(doc.security) ? doc.security : [];
  const out = new Set<string>();
  for (const r of reqs) if (isObject(r)) out.add(Object.keys(r).sort(cmp).join('+'));
  out.delete(''); // `{}`: anonymous access allowed
  return out;
}

/** The server URLs in force for an operation: its own, else its path's, else the document's. */
export function serversOf(doc: Obj, item: Obj, op: Obj): string[] {
  const list = Array.isArray(op.servers) ? op.servers : Array.isArray(item.servers) ? item.servers : Array.isArray(doc.servers) ? doc.servers : [];
  const urls: string[] = [];
  for (const s of list) if (isObject(s) && typeof s.url === 'string') urls.push(s.url.replace(/\/+$/, '') || '/');
  return urls;
}

export function media(doc: Obj, holder: unknown): Map<string, Obj> {
  const h = deref(doc, holder);
  const out = new Map<string, Obj>();
  if (h && isObject(h.content)) for (const [mt, m] of Object.entries(h.content)) if (isObject(m)) out.set(mt, m);
  return out;
}

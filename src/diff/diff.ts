import { cmp } from '../core/diagnostic.js';
import { HTTP_METHODS } from '../core/http-methods.js';
import { isObject } from '../core/json.js';
import { childPointer, pointer, resolvePointer } from '../core/pointer.js';
import { diffSchemas, type Direction } from './schema-diff.js';
import type { Change, DiffResult } from './types.js';

type Obj = Record<string, unknown>;
const METHODS = HTTP_METHODS;

function deref(doc: Obj, value: unknown): Obj | undefined {
  let v = value;
  for (let i = 0; i < 32 && isObject(v) && typeof v.$ref === 'string' && v.$ref.startsWith('#'); i++) v = resolvePointer(doc, v.$ref.slice(1));
  return isObject(v) ? v : undefined;
}

/** Where a change belongs: provider and model from x-hub-source, else the first tag, else the path. */
function groupOf(op: Obj | undefined, path: string): { provider: string; group: string } {
  const src = op && isObject(op['x-hub-source']) ? op['x-hub-source'] : undefined;
  const provider = src && typeof src.provider === 'string' ? src.provider : 'unknown';
  if (src && typeof src.endpointId === 'string') return { provider, group: src.endpointId };
  const tag = op && Array.isArray(op.tags) && typeof op.tags[0] === 'string' ? op.tags[0] : undefined;
  return { provider, group: tag ?? path };
}

function params(doc: Obj, item: Obj, op: Obj): Map<string, Obj> {
  const out = new Map<string, Obj>();
  for (const list of [item.parameters, op.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const p = deref(doc, raw);
      if (p && typeof p.name === 'string' && typeof p.in === 'string') out.set(`${p.in}:${p.name}`, p);
    }
  }
  return out;
}

function securityNames(doc: Obj, op: Obj): Set<string> {
  const reqs = Array.isArray(op.security) ? op.security : Array.isArray(doc.security) ? doc.security : [];
  const names = new Set<string>();
  for (const r of reqs) if (isObject(r)) for (const k of Object.keys(r)) names.add(k);
  return names;
}

function media(doc: Obj, holder: unknown): Map<string, Obj> {
  const h = deref(doc, holder);
  const out = new Map<string, Obj>();
  if (h && isObject(h.content)) for (const [mt, m] of Object.entries(h.content)) if (isObject(m)) out.set(mt, m);
  return out;
}

/**
 * Classify every change between two OpenAPI documents as breaking or not, for
 * a client of the API. Removed paths, operations and responses, new required
 * parameters or properties, changed types, removed enum values, narrowed
 * constraints and removed security break clients; additions do not.
 */
export function diffDocuments(oldDoc: Obj, newDoc: Obj): DiffResult {
  const changes: Change[] = [];
  const oldPaths = isObject(oldDoc.paths) ? oldDoc.paths : {};
  const newPaths = isObject(newDoc.paths) ? newDoc.paths : {};
  const add = (c: Change) => changes.push(c);
  for (const path of new Set([...Object.keys(oldPaths), ...Object.keys(newPaths)])) {
    const a = isObject(oldPaths[path]) ? (oldPaths[path] as Obj) : undefined;
    const b = isObject(newPaths[path]) ? (newPaths[path] as Obj) : undefined;
    const pp = pointer('paths', path);
    if (!b) {
      const firstOp = a ? METHODS.map((m) => a[m]).find(isObject) : undefined;
      add({ kind: 'path-removed', breaking: true, ...groupOf(firstOp, path), path, pointer: pp, message: `path ${path} removed` });
      continue;
    }
    if (!a) {
      const firstOp = METHODS.map((m) => b[m]).find(isObject);
      add({ kind: 'path-added', breaking: false, ...groupOf(firstOp, path), path, pointer: pp, message: `path ${path} added` });
      continue;
    }
    for (const method of METHODS) {
      const oa = isObject(a[method]) ? (a[method] as Obj) : undefined;
      const ob = isObject(b[method]) ? (b[method] as Obj) : undefined;
      if (!oa && !ob) continue;
      const op = childPointer(pp, method);
      const g = groupOf(ob ?? oa, path);
      const M = method.toUpperCase();
      if (!ob) {
        add({ kind: 'operation-removed', breaking: true, ...g, method, path, pointer: op, message: `${M} ${path} removed` });
        continue;
      }
      if (!oa) {
        add({ kind: 'operation-added', breaking: false, ...g, method, path, pointer: op, message: `${M} ${path} added` });
        continue;
      }
      const at = (kind: Change['kind'], breaking: boolean, ptr: string, message: string) => add({ kind, breaking, ...g, method, path, pointer: ptr, message: `${M} ${path}: ${message}` });
      // Parameters.
      const pa = params(oldDoc, a, oa);
      const pb = params(newDoc, b, ob);
      for (const [k, p] of pb) {
        const prev = pa.get(k);
        const ptr = childPointer(op, 'parameters');
        if (!prev) at('parameter-added', p.required === true, ptr, `${p.required === true ? 'required ' : ''}${p.in} parameter \`${p.name}\` added`);
        else {
          if (p.required === true && prev.required !== true) at('parameter-required', true, ptr, `${p.in} parameter \`${p.name}\` became required`);
          for (const c of diffSchemas(oldDoc, newDoc, prev.schema, p.schema, 'request', `${ptr}/${k}`)) at(c.kind, c.breaking, ptr, `parameter \`${p.name}\`: ${c.message}`);
        }
      }
      for (const [k, p] of pa) if (!pb.has(k)) at('parameter-removed', false, childPointer(op, 'parameters'), `${p.in} parameter \`${p.name}\` removed`);
      // Request body.
      const ba = deref(oldDoc, oa.requestBody);
      const bb = deref(newDoc, ob.requestBody);
      if (bb && bb.required === true && (!ba || ba.required !== true)) at('request-body-required', true, childPointer(op, 'requestBody'), 'request body became required');
      compareContent(oldDoc, newDoc, ba, bb, 'request', childPointer(op, 'requestBody', 'content'), at);
      // Responses.
      const ra = isObject(oa.responses) ? oa.responses : {};
      const rb = isObject(ob.responses) ? ob.responses : {};
      for (const code of Object.keys(ra)) {
        const rp = childPointer(op, 'responses', code);
        if (!(code in rb)) at('response-removed', true, rp, `response ${code} removed`);
        else compareContent(oldDoc, newDoc, ra[code], rb[code], 'response', childPointer(rp, 'content'), at);
      }
      for (const code of Object.keys(rb)) if (!(code in ra)) at('response-added', false, childPointer(op, 'responses', code), `response ${code} added`);
      // Security.
      const sa = securityNames(oldDoc, oa);
      const sb = securityNames(newDoc, ob);
      for (const s of sa) if (!sb.has(s)) at('security-removed', true, childPointer(op, 'security'), `security scheme \`${s}\` removed`);
      for (const s of sb) if (!sa.has(s)) at('security-added', sa.size === 0, childPointer(op, 'security'), `security scheme \`${s}\` added`);
    }
  }
  changes.sort((x, y) => cmp(x.provider, y.provider) || cmp(x.group, y.group) || cmp(x.path, y.path) || cmp(x.method ?? '', y.method ?? '') || cmp(x.pointer, y.pointer) || cmp(x.message, y.message));
  const breaking = changes.filter((c) => c.breaking).length;
  return { breaking, nonBreaking: changes.length - breaking, changes };
}

function compareContent(oldDoc: Obj, newDoc: Obj, a: unknown, b: unknown, dir: Direction, ptr: string, at: (kind: Change['kind'], breaking: boolean, ptr: string, message: string) => void): void {
  const ma = media(oldDoc, a);
  const mb = media(newDoc, b);
  for (const [mt, m] of ma) {
    const n = mb.get(mt);
    const mp = childPointer(ptr, mt);
    if (!n) {
      at('media-type-removed', true, mp, `${dir} media type ${mt} removed`);
      continue;
    }
    for (const c of diffSchemas(oldDoc, newDoc, m.schema, n.schema, dir, childPointer(mp, 'schema'))) at(c.kind, c.breaking, c.pointer, `${dir} ${c.message}`);
  }
  for (const mt of mb.keys()) if (!ma.has(mt)) at('media-type-added', false, childPointer(ptr, mt), `${dir} media type ${mt} added`);
}

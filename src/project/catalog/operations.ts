import { isObject } from '../../core/json.js';
import { resolvePointer } from '../../core/pointer.js';
import { inlineRefs, type InlineResult } from './schema-inline.js';
import { compactSchema } from './schema-compact.js';
import { matchScore, nearest } from './rank.js';
import type { OperationInfo, SpecIndex } from './spec-index.js';
import { cmp } from '../../core/diagnostic.js';

type Obj = Record<string, unknown>;

/** Follow local refs (a requestBody or response may itself be a `$ref`). */
export function deref(doc: unknown, value: unknown): Obj | undefined {
  let v = value;
  for (let i = 0; i < 32 && isObject(v) && typeof v.$ref === 'string' && v.$ref.startsWith('#/'); i++) v = resolvePointer(doc, v.$ref);
  return isObject(v) ? v : undefined;
}

export function operationObject(doc: unknown, info: OperationInfo): Obj | undefined {
  const op = resolvePointer(doc, info.pointer);
  return isObject(op) ? op : undefined;
}

function jsonSchemaOf(doc: unknown, holder: unknown): unknown {
  const h = deref(doc, holder);
  if (!h || !isObject(h.content)) return undefined;
  const content = h.content;
  const key = Object.keys(content).find((k) => k === 'application/json') ?? Object.keys(content).find((k) => /json/i.test(k)) ?? Object.keys(content)[0];
  const media = key ? content[key] : undefined;
  return isObject(media) ? media.schema : undefined;
}

/** The request body schema (JSON first) of an operation. */
export function requestSchema(doc: unknown, op: Obj): unknown {
  return jsonSchemaOf(doc, op.requestBody);
}

/** The schema of the first 2xx response with content (200 first). */
export function responseSchema(doc: unknown, op: Obj): unknown {
  if (!isObject(op.responses)) return undefined;
  const codes = Object.keys(op.responses)
    .filter((c) => /^2\d\d$|^2XX$/i.test(c))
    .sort();
  for (const c of codes) {
    const s = jsonSchemaOf(doc, op.responses[c]);
    if (s !== undefined) return s;
  }
  return undefined;
}

/** Servers that apply to an operation: its own, else its path item's, else the document's. */
export function serversOf(doc: unknown, info: OperationInfo, op: Obj): string[] {
  const item = resolvePointer(doc, info.pointer.slice(0, info.pointer.lastIndexOf('/')));
  const pick = (v: unknown): string[] | undefined =>
    Array.isArray(v) && v.length > 0
      ? v
          .filter(isObject)
          .map((s) => (typeof s.url === 'string' ? s.url : ''))
          .filter((u) => u !== '')
      : undefined;
  return pick(op.servers) ?? (isObject(item) ? pick(item.servers) : undefined) ?? (isObject(doc) ? pick(doc.servers) : undefined) ?? [];
}

export interface OperationFilter {
  query?: string;
  provider?: string;
  method?: string;
  tag?: string;
  endpointId?: string;
  role?: string;
}

/** Operations matching a filter, best match first, then by path and method. */
export function searchOperations(index: SpecIndex, f: OperationFilter): OperationInfo[] {
  const eq = (a: string | null, b: string | undefined): boolean => b === undefined || b.trim() === '' || (a ?? '').toLowerCase() === b.trim().toLowerCase();
  const scored: Array<{ o: OperationInfo; s: number }> = [];
  for (const o of index.operations) {
    if (!eq(o.provider, f.provider) || !eq(o.method, f.method) || !eq(o.endpointId, f.endpointId) || !eq(o.role, f.role)) continue;
    if (f.tag && f.tag.trim() !== '' && !o.tags.some((t) => t.toLowerCase() === f.tag!.trim().toLowerCase())) continue;
    const s = matchScore({ id: o.operationId, text: [o.path, o.summary, ...o.tags, o.folder ?? '', o.endpointId ?? ''] }, f.query ?? '');
    if (s !== null) scored.push({ o, s });
  }
  scored.sort((a, b) => b.s - a.s || cmp(a.o.path, b.o.path) || cmp(a.o.method, b.o.method));
  return scored.map((x) => x.o);
}

export type OperationLookup = { ok: true; info: OperationInfo } | { ok: false; message: string; suggestions: string[] };

/** An operation by operationId, or by `METHOD /path`; otherwise the nearest operationIds. */
export function findOperation(index: SpecIndex, id: string): OperationLookup {
  const t = id.trim();
  const direct = index.byOperationId.get(t);
  if (direct) return { ok: true, info: direct };
  const mp = /^([a-z]+)\s+(\/\S*)$/i.exec(t);
  if (mp) {
    const hit = index.operations.find((o) => o.method === mp[1]!.toUpperCase() && o.path === mp[2]);
    if (hit) return { ok: true, info: hit };
  }
  const ci = index.operations.filter((o) => o.operationId.toLowerCase() === t.toLowerCase());
  if (ci.length === 1 && ci[0]) return { ok: true, info: ci[0] };
  const pool = mp ? index.operations.map((o) => `${o.method} ${o.path}`) : index.operations.map((o) => o.operationId);
  return { ok: false, message: `No operation "${t}" in the unified spec (${index.operations.length} operations).`, suggestions: nearest(t, pool) };
}

export interface OperationDetail {
  operationId: string;
  method: string;
  path: string;
  servers: string[];
  provider: string | null;
  endpointId: string | null;
  role: string | null;
  /** The operation object, path-level parameters merged in, refs inlined to the depth. */
  operation: unknown;
  /** Targets of refs not inlined (deeper than the depth, or recursive): `#/$defs/<name>` points here. */
  $defs?: Record<string, unknown>;
  inlineDepth: number;
}

/** Where the full list of a long enum (Comet's model ids) is. */
const ENUM_HINT = 'list them with search_models (e.g. provider "comet"), or read the resource api-hub://models/comet.';

/** An operation made self-contained: refs inlined to `maxDepth`, the rest in `$defs`; enums of more than 40 values described, not listed. */
export function describeOperation(doc: unknown, info: OperationInfo, maxDepth: number): OperationDetail | undefined {
  const op = operationObject(doc, info);
  if (!op) return undefined;
  const item = resolvePointer(doc, info.pointer.slice(0, info.pointer.lastIndexOf('/')));
  const pathParams = isObject(item) && Array.isArray(item.parameters) ? item.parameters : [];
  const merged: Obj = pathParams.length > 0 ? { ...op, parameters: [...pathParams, ...(Array.isArray(op.parameters) ? op.parameters : [])] } : op;
  const r: InlineResult = inlineRefs(doc, merged, { maxDepth });
  return {
    operationId: info.operationId,
    method: info.method,
    path: info.path,
    servers: serversOf(doc, info, op),
    provider: info.provider,
    endpointId: info.endpointId,
    role: info.role,
    operation: compactSchema(r.value, ENUM_HINT),
    ...(Object.keys(r.defs).length > 0 ? { $defs: compactSchema(r.defs, ENUM_HINT) as Record<string, unknown> } : {}),
    inlineDepth: maxDepth,
  };
}

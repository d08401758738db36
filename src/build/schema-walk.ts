import { isObject } from '../core/json.js';
import { childPointer, escapeSegment } from '../core/pointer.js';

type Obj = Record<string, unknown>;

/** Subschema positions of JSON Schema 2020-12 / OAS Schema Objects. */
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'dependentSchemas', 'definitions'] as const;
const SCHEMA_ONE = ['additionalProperties', 'items', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema', 'additionalItems'] as const;
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;

export type SchemaVisitor = (schema: Obj, ptr: string) => void;

/** Visit a schema and every subschema below it, parents first. Iterative: no stack overflow on deep input. */
export function walkSchema(root: unknown, ptr: string, visit: SchemaVisitor): void {
  const nodes: unknown[] = [root];
  const ptrs: string[] = [ptr];
  const seen = new Set<object>();
  while (nodes.length > 0) {
    const node = nodes.pop();
    const p = ptrs.pop()!;
    if (!isObject(node) || seen.has(node)) continue;
    seen.add(node);
    visit(node, p);
    // Pushed in reverse so that children are visited in document order.
    for (let k = SCHEMA_LISTS.length - 1; k >= 0; k--) {
      const key = SCHEMA_LISTS[k]!;
      const list = node[key];
      if (!Array.isArray(list)) continue;
      for (let i = list.length - 1; i >= 0; i--) {
        nodes.push(list[i]);
        ptrs.push(`${p}/${key}/${i}`);
      }
    }
    for (let k = SCHEMA_ONE.length - 1; k >= 0; k--) {
      const key = SCHEMA_ONE[k]!;
      if (isObject(node[key])) {
        nodes.push(node[key]);
        ptrs.push(`${p}/${key}`);
      }
    }
    for (let k = SCHEMA_MAPS.length - 1; k >= 0; k--) {
      const key = SCHEMA_MAPS[k]!;
      const m = node[key];
      if (!isObject(m)) continue;
      const names = Object.keys(m);
      for (let i = names.length - 1; i >= 0; i--) {
        nodes.push(m[names[i]!]);
        ptrs.push(`${p}/${key}/${escapeSegment(names[i]!)}`);
      }
    }
  }
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof METHODS)[number];
export const HTTP_METHODS: readonly HttpMethod[] = METHODS;

/** Every operation object of a Paths object, path by path, in HTTP_METHODS order. */
export function operationsOf(paths: unknown): Obj[] {
  const out: Obj[] = [];
  if (!isObject(paths)) return out;
  for (const item of Object.values(paths)) {
    if (!isObject(item)) continue;
    for (const m of METHODS) if (isObject(item[m])) out.push(item[m] as Obj);
  }
  return out;
}

/** Every schema root of an OAS 3.x document: components, parameters, bodies, responses, headers. */
export function forEachSchemaRoot(doc: Obj, visit: (schema: Obj, ptr: string) => void): void {
  const visitMedia = (content: unknown, p: string) => {
    if (!isObject(content)) return;
    for (const [mt, media] of Object.entries(content)) if (isObject(media) && isObject(media.schema)) visit(media.schema, childPointer(p, mt, 'schema'));
  };
  const visitParams = (params: unknown, p: string) => {
    if (!Array.isArray(params)) return;
    params.forEach((prm, i) => {
      if (!isObject(prm)) return;
      if (isObject(prm.schema)) visit(prm.schema, childPointer(p, i, 'schema'));
      visitMedia(prm.content, childPointer(p, i, 'content'));
    });
  };
  const visitHeaders = (headers: unknown, p: string) => {
    if (!isObject(headers)) return;
    for (const [n, h] of Object.entries(headers)) if (isObject(h) && isObject(h.schema)) visit(h.schema, childPointer(p, n, 'schema'));
  };
  const visitResponses = (responses: unknown, p: string) => {
    if (!isObject(responses)) return;
    for (const [code, r] of Object.entries(responses)) {
      if (!isObject(r)) continue;
      visitMedia(r.content, childPointer(p, code, 'content'));
      visitHeaders(r.headers, childPointer(p, code, 'headers'));
    }
  };
  if (isObject(doc.paths)) {
    for (const [path, item] of Object.entries(doc.paths)) {
      if (!isObject(item)) continue;
      const ip = childPointer('', 'paths', path);
      visitParams(item.parameters, childPointer(ip, 'parameters'));
      for (const m of METHODS) {
        const op = item[m];
        if (!isObject(op)) continue;
        const op_ = childPointer(ip, m);
        visitParams(op.parameters, childPointer(op_, 'parameters'));
        if (isObject(op.requestBody)) visitMedia(op.requestBody.content, childPointer(op_, 'requestBody', 'content'));
        visitResponses(op.responses, childPointer(op_, 'responses'));
      }
    }
  }
  const c = doc.components;
  if (isObject(c)) {
    if (isObject(c.schemas)) for (const [n, s] of Object.entries(c.schemas)) if (isObject(s)) visit(s, childPointer('', 'components', 'schemas', n));
    if (isObject(c.parameters)) visitParams(Object.values(c.parameters), '/components/parameters');
    if (isObject(c.requestBodies)) for (const [n, b] of Object.entries(c.requestBodies)) if (isObject(b)) visitMedia(b.content, childPointer('', 'components', 'requestBodies', n, 'content'));
    visitResponses(c.responses, '/components/responses');
    visitHeaders(c.headers, '/components/headers');
  }
}

/** Every schema object anywhere in the document (roots and all their subschemas). */
export function forEachSchema(doc: Obj, visit: SchemaVisitor): void {
  forEachSchemaRoot(doc, (root, ptr) => walkSchema(root, ptr, visit));
}

/** Maps whose keys are names chosen by the author (a property called `default`, the `default` response). */
const NAMED_MAPS = new Set([
  'paths', 'webhooks', 'responses', 'properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'schemas', 'parameters',
  'requestBodies', 'headers', 'content', 'callbacks', 'links', 'pathItems', 'securitySchemes', 'encoding', 'examples', 'mediaTypes',
]);

/** Keys whose values are literal data (examples, defaults), where a `$ref` is a value and not a reference. */
const DATA_KEYS = new Set(['example', 'default', 'enum', 'const', 'value']);

/**
 * Every `$ref` string anywhere in a JSON value, with a setter to rewrite it.
 * Iterative. Example and default values are data, not references, and are not
 * entered, except where the key is a name in a map (`responses.default`, a
 * property called `default`). `onMapping` gets every discriminator mapping
 * (its values are references too, written as strings).
 */
export function forEachRef(root: unknown, visit: (ref: string, holder: Obj) => void, onMapping?: (mapping: Obj) => void): void {
  const stack: unknown[] = [root];
  const named: boolean[] = [false];
  while (stack.length > 0) {
    const node = stack.pop();
    const isNamedMap = named.pop()!;
    if (Array.isArray(node)) {
      for (const v of node) {
        if (v !== null && typeof v === 'object') {
          stack.push(v);
          named.push(false);
        }
      }
    } else if (isObject(node)) {
      if (typeof node.$ref === 'string') visit(node.$ref, node);
      if (onMapping && !isNamedMap && isObject(node.discriminator) && isObject(node.discriminator.mapping)) onMapping(node.discriminator.mapping);
      for (const k in node) {
        const v = node[k];
        if (v === null || typeof v !== 'object') continue;
        if (!isNamedMap && (DATA_KEYS.has(k) || (k === 'examples' && Array.isArray(v)))) continue;
        stack.push(v);
        named.push(NAMED_MAPS.has(k) && !Array.isArray(v));
      }
    }
  }
}

import { isObject } from '../core/json.js';
import { childPointer } from '../core/pointer.js';

type Obj = Record<string, unknown>;

/** Subschema positions of JSON Schema 2020-12 / OAS Schema Objects. */
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'dependentSchemas', 'definitions'] as const;
const SCHEMA_ONE = ['additionalProperties', 'items', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema', 'additionalItems'] as const;
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;

export type SchemaVisitor = (schema: Obj, ptr: string) => void;

/** Visit a schema and every subschema below it, parents first. Iterative: no stack overflow on deep input. */
export function walkSchema(root: unknown, ptr: string, visit: SchemaVisitor): void {
  const stack: Array<[unknown, string]> = [[root, ptr]];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const [node, p] = stack.pop()!;
    if (!isObject(node) || seen.has(node)) continue;
    seen.add(node);
    visit(node, p);
    const children: Array<[unknown, string]> = [];
    for (const k of SCHEMA_MAPS) {
      const m = node[k];
      if (isObject(m)) for (const [name, sub] of Object.entries(m)) children.push([sub, childPointer(p, k, name)]);
    }
    for (const k of SCHEMA_ONE) if (isObject(node[k])) children.push([node[k], childPointer(p, k)]);
    for (const k of SCHEMA_LISTS) {
      const list = node[k];
      if (Array.isArray(list)) list.forEach((sub, i) => children.push([sub, childPointer(p, k, i)]));
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof METHODS)[number];
export const HTTP_METHODS: readonly HttpMethod[] = METHODS;

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

/** Every `$ref` string anywhere in a JSON value, with a setter to rewrite it. Iterative. */
export function forEachRef(root: unknown, visit: (ref: string, holder: Obj) => void): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const v of node) if (v !== null && typeof v === 'object') stack.push(v);
    } else if (isObject(node)) {
      if (typeof node.$ref === 'string') visit(node.$ref, node);
      for (const [k, v] of Object.entries(node)) {
        // Example and default values are data, not references.
        if (k === 'example' || k === 'default' || k === 'enum' || k === 'const' || (k === 'examples' && Array.isArray(v))) continue;
        if (v !== null && typeof v === 'object') stack.push(v);
      }
    }
  }
}

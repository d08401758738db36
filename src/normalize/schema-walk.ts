import { isObject } from '../core/json.js';
import { childPointer, escapeSegment } from '../core/pointer.js';

type Obj = Record<string, unknown>;

/** Subschema positions of JSON Schema 2020-12 / OAS Schema Objects: a list of schemas, one schema, or a map of named schemas. */
const LIST = 1;
const ONE = 2;
const MAP = 3;
const SUBSCHEMAS: Readonly<Record<string, typeof LIST | typeof ONE | typeof MAP | undefined>> = Object.assign(Object.create(null) as Record<string, never>, {
  allOf: LIST,
  anyOf: LIST,
  oneOf: LIST,
  prefixItems: LIST,
  additionalProperties: ONE,
  items: ONE,
  not: ONE,
  if: ONE,
  then: ONE,
  else: ONE,
  contains: ONE,
  propertyNames: ONE,
  unevaluatedItems: ONE,
  unevaluatedProperties: ONE,
  contentSchema: ONE,
  additionalItems: ONE,
  properties: MAP,
  patternProperties: MAP,
  $defs: MAP,
  dependentSchemas: MAP,
  definitions: MAP,
});

export type SchemaVisitor = (schema: Obj, ptr: string) => void;

/**
 * Visit a schema and every subschema below it, parents first, children in the
 * order of their keys. Iterative: no stack overflow on deep input. A schema
 * object reached twice under one root (shared, or a cycle) has its subschemas
 * walked once; only objects with subschemas are remembered, so the common leaf
 * schema costs no set entry. Each schema's own keys are looked at once, rather
 * than probing it for every subschema keyword.
 */
export function walkSchema(root: unknown, ptr: string, visit: SchemaVisitor): void {
  const nodes: unknown[] = [root];
  const ptrs: string[] = [ptr];
  let seen: Set<object> | undefined;
  while (nodes.length > 0) {
    const node = nodes.pop();
    const p = ptrs.pop()!;
    if (!isObject(node) || seen?.has(node)) continue;
    visit(node, p);
    const before = nodes.length;
    for (const key in node) {
      const kind = SUBSCHEMAS[key];
      if (kind === undefined) continue;
      const v = node[key];
      if (kind === ONE) {
        if (isObject(v)) {
          nodes.push(v);
          ptrs.push(`${p}/${key}`);
        }
      } else if (kind === LIST) {
        if (!Array.isArray(v)) continue;
        const base = `${p}/${key}/`;
        for (let i = 0; i < v.length; i++) {
          nodes.push(v[i]);
          ptrs.push(base + i);
        }
      } else if (isObject(v)) {
        const base = `${p}/${key}/`;
        for (const name in v) {
          nodes.push(v[name]);
          ptrs.push(base + escapeSegment(name));
        }
      }
    }
    const after = nodes.length;
    if (after === before) continue;
    // Reverse what was just pushed, so that children come off the stack in document order.
    for (let i = before, j = after - 1; i < j; i++, j--) {
      const n = nodes[i];
      nodes[i] = nodes[j];
      nodes[j] = n;
      const q = ptrs[i]!;
      ptrs[i] = ptrs[j]!;
      ptrs[j] = q;
    }
    (seen ??= new Set()).add(node);
  }
}

import { HTTP_METHODS, type HttpMethod } from '../core/http-methods.js';

export { HTTP_METHODS };
export type { HttpMethod };

/** Every operation object of a Paths object, path by path, in HTTP_METHODS order. */
export function operationsOf(paths: unknown): Obj[] {
  const out: Obj[] = [];
  if (!isObject(paths)) return out;
  for (const item of Object.values(paths)) {
    if (!isObject(item)) continue;
    for (const m of HTTP_METHODS) if (isObject(item[m])) out.push(item[m] as Obj);
  }
  return out;
}

/** Every schema root of an OAS 3.x document: components, parameters, bodies, responses, headers. */
export function forEachSchemaRoot(doc: Obj, visit: (schema: Obj, ptr: string) => void): void {
  // Plain loops and one-segment pointer steps: this runs over every document of the build.
  const visitMedia = (content: unknown, p: string) => {
    if (!isObject(content)) return;
    for (const mt in content) {
      const media = content[mt];
      if (isObject(media) && isObject(media.schema)) visit(media.schema, `${childPointer(p, mt)}/schema`);
    }
  };
  const visitParam = (prm: unknown, p: string) => {
    if (!isObject(prm)) return;
    if (isObject(prm.schema)) visit(prm.schema, `${p}/schema`);
    if (prm.content !== undefined) visitMedia(prm.content, `${p}/content`);
  };
  const visitParams = (params: unknown, p: string) => {
    if (!Array.isArray(params)) return;
    for (let i = 0; i < params.length; i++) visitParam(params[i], `${p}/${i}`);
  };
  const visitHeaders = (headers: unknown, p: string) => {
    if (!isObject(headers)) return;
    for (const n in headers) {
      const h = headers[n];
      if (isObject(h) && isObject(h.schema)) visit(h.schema, `${childPointer(p, n)}/schema`);
    }
  };
  const visitResponses = (responses: unknown, p: string) => {
    if (!isObject(responses)) return;
    for (const code in responses) {
      const r = responses[code];
      if (!isObject(r)) continue;
      const rp = childPointer(p, code);
      if (r.content !== undefined) visitMedia(r.content, `${rp}/content`);
      if (r.headers !== undefined) visitHeaders(r.headers, `${rp}/headers`);
    }
  };
  const paths = doc.paths;
  if (isObject(paths)) {
    for (const path in paths) {
      const item = paths[path];
      if (!isObject(item)) continue;
      const ip = childPointer('/paths', path);
      if (item.parameters !== undefined) visitParams(item.parameters, `${ip}/parameters`);
      for (const m of HTTP_METHODS) {
        const op = item[m];
        if (!isObject(op)) continue;
        const op_ = `${ip}/${m}`;
        if (op.parameters !== undefined) visitParams(op.parameters, `${op_}/parameters`);
        if (isObject(op.requestBody)) visitMedia(op.requestBody.content, `${op_}/requestBody/content`);
        visitResponses(op.responses, `${op_}/responses`);
      }
    }
  }
  const c = doc.components;
  if (isObject(c)) {
    const schemas = c.schemas;
    if (isObject(schemas)) {
      for (const n in schemas) {
        const s = schemas[n];
        if (isObject(s)) visit(s, childPointer('/components/schemas', n));
      }
    }
    const params = c.parameters;
    if (isObject(params)) for (const n in params) visitParam(params[n], childPointer('/components/parameters', n));
    const bodies = c.requestBodies;
    if (isObject(bodies)) {
      for (const n in bodies) {
        const b = bodies[n];
        if (isObject(b)) visitMedia(b.content, `${childPointer('/components/requestBodies', n)}/content`);
      }
    }
    visitResponses(c.responses, '/components/responses');
    visitHeaders(c.headers, '/components/headers');
  }
}

/** Every schema object anywhere in the document (roots and all their subschemas). */
export function forEachSchema(doc: Obj, visit: SchemaVisitor): void {
  forEachSchemaRoot(doc, (root, ptr) => walkSchema(root, ptr, visit));
}

/** What a key says about its value, for forEachRef: literal data, a map of author-chosen names, or `examples` (data as a list, names as a map). */
const DATA = 1;
const NAMES = 2;
const EXAMPLES = 3;

const REF_KEYS: Readonly<Record<string, typeof DATA | typeof NAMES | typeof EXAMPLES | undefined>> = Object.assign(
  Object.create(null) as Record<string, never>,
  {
    // Keys whose values are literal data (examples, defaults), where a `$ref` is a value and not a reference.
    example: DATA,
    default: DATA,
    enum: DATA,
    const: DATA,
    value: DATA,
    examples: EXAMPLES,
    // Maps whose keys are names chosen by the author (a property called `default`, the `default` response).
    paths: NAMES,
    webhooks: NAMES,
    responses: NAMES,
    properties: NAMES,
    patternProperties: NAMES,
    $defs: NAMES,
    definitions: NAMES,
    dependentSchemas: NAMES,
    schemas: NAMES,
    parameters: NAMES,
    requestBodies: NAMES,
    headers: NAMES,
    content: NAMES,
    callbacks: NAMES,
    links: NAMES,
    pathItems: NAMES,
    securitySchemes: NAMES,
    encoding: NAMES,
    mediaTypes: NAMES,
  },
);

/**
 * Every `$ref` string anywhere in a JSON value, with a setter to rewrite it.
 * Iterative. Example and default values are data, not references, and are not
 * entered, except where the key is a name in a map (`responses.default`, a
 * property called `default`). `onMapping` gets every discriminator mapping
 * (its values are references too, written as strings). Each object's keys are
 * read once: `$ref` and `discriminator` are met on the way.
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
      for (const k in node) {
        const v = node[k];
        if (v === null || typeof v !== 'object') {
          if (k === '$ref' && typeof v === 'string') visit(v, node);
          continue;
        }
        const kind = REF_KEYS[k];
        if (kind === undefined) {
          if (k === 'discriminator' && onMapping && !isNamedMap && isObject(v) && isObject(v.mapping)) onMapping(v.mapping);
          stack.push(v);
          named.push(false);
          continue;
        }
        const list = Array.isArray(v);
        if (!isNamedMap && (kind === DATA || (kind === EXAMPLES && list))) continue;
        stack.push(v);
        named.push(kind !== DATA && !list);
      }
    }
  }
}

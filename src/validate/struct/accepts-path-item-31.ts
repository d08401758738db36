import { isObject } from '../../core/json.js';
import { formats } from '../schemas/formats.js';
import { acceptsSchema31 } from './accepts-schema-31.js';
import { closed, everyItem, everyValue, externalDocs, fastPassesDisabled, uriReference } from './fast-pass.js';

/**
 * The structural check's fast pass over an OpenAPI 3.1 Path Item Object and everything in it
 * (operations, parameters, request bodies, responses, media types, examples, headers, servers),
 * as accepts-schema-31.ts is for Schema Objects: true only when the official 3.1 schema certainly
 * accepts the item, false for anything it does not decide, which then goes to the official
 * validator (the one that writes errors). scripts/build-validators.mjs wraps the schema's
 * `path-item` validator with it.
 *
 * It decides the common shapes only and leaves the rest to ajv: callbacks, encodings, a
 * parameter or header with `content`, `style`, `explode` or `allowReserved`, `allowEmptyValue`.
 * Every object the schema closes (`unevaluatedProperties: false`) is closed here too, extensions
 * (`x-…`) aside. accepts-path-item-31.test.ts checks that it accepts nothing ajv refuses, on every
 * path item of the fixtures and the hub's document and on mutated ones.
 */
export function acceptsPathItem31(data: unknown): boolean {
  if (fastPassesDisabled() || !isObject(data)) return false;
  for (const k in data) {
    const v = data[k];
    let ok: boolean;
    switch (k) {
      case '$ref':
        ok = uriReference(v);
        break;
      case 'summary':
      case 'description':
        ok = typeof v === 'string';
        break;
      case 'servers':
        ok = everyItem(v, server);
        break;
      case 'parameters':
        ok = everyItem(v, parameterOrReference);
        break;
      case 'get':
      case 'put':
      case 'post':
      case 'delete':
      case 'options':
      case 'head':
      case 'patch':
      case 'trace':
        ok = operation(v);
        break;
      default:
        ok = k.startsWith('x-');
    }
    if (!ok) return false;
  }
  return true;
}

const mediaRange = formats['media-range'] as (s: string) => boolean;
const STATUS = /^[1-5](?:[0-9]{2}|XX)$/;
const IN = new Set(['query', 'header', 'path', 'cookie']);

const isString = (v: unknown): boolean => typeof v === 'string';
const isBoolean = (v: unknown): boolean => typeof v === 'boolean';

/** `X-or-reference`: an object with a `$ref` is a Reference Object (open: other keys allowed), else an X. */
function orReference(test: (v: unknown) => boolean): (v: unknown) => boolean {
  return (v) => {
    if (!isObject(v) || v.$ref === undefined) return test(v);
    return uriReference(v.$ref) && (v.summary === undefined || isString(v.summary)) && (v.description === undefined || isString(v.description));
  };
}

const OPERATION_FIELDS = new Map<string, (v: unknown) => boolean>(
  Object.entries({
    tags: (v: unknown) => everyItem(v, isString),
    summary: isString,
    description: isString,
    operationId: isString,
    externalDocs,
    parameters: (v: unknown) => everyItem(v, parameterOrReference),
    requestBody: (v: unknown) => requestBodyOrReference(v),
    responses: (v: unknown) => responses(v),
    deprecated: isBoolean,
    security: (v: unknown) => everyItem(v, (r) => everyValue(r, (scopes) => everyItem(scopes, isString))),
    servers: (v: unknown) => everyItem(v, server),
  }),
);

function operation(v: unknown): boolean {
  return closed(v, (k, x) => OPERATION_FIELDS.get(k)?.(x) === true);
}

function server(v: unknown): boolean {
  return closed(v, (k, x) => (k === 'url' || k === 'description' ? isString(x) : k === 'variables' && everyValue(x, serverVariable))) && isString(v.url);
}

function serverVariable(v: unknown): boolean {
  return (
    closed(v, (k, x) => (k === 'default' || k === 'description' ? isString(x) : k === 'enum' && everyItem(x, isString) && (x as unknown[]).length > 0)) &&
    isString(v.default)
  );
}

/** The common Parameter Object: a `schema`, no `content`, no style keywords (those are left to ajv). */
function parameter(v: unknown): boolean {
  if (!closed(v, parameterField)) return false;
  const { name } = v;
  if (typeof name !== 'string' || typeof v.in !== 'string' || !IN.has(v.in) || v.schema === undefined) return false;
  if (v.example !== undefined && v.examples !== undefined) return false;
  // styles-for-path: a path parameter is required, and its name (`^[^{}]+$`) has no braces.
  return v.in !== 'path' || (v.required === true && name !== '' && !/[{}]/.test(name));
}

function parameterField(k: string, x: unknown): boolean {
  return k === 'name' || k === 'in' || withSchemaField(k, x); // name and in: checked by parameter()
}

/** The fields a Parameter and a Header with a `schema` share: description, required, deprecated, the schema and its examples. */
function withSchemaField(k: string, x: unknown): boolean {
  switch (k) {
    case 'description':
      return isString(x);
    case 'required':
    case 'deprecated':
      return isBoolean(x);
    case 'schema':
      return acceptsSchema31(x);
    case 'example':
      return true;
    case 'examples':
      return everyValue(x, exampleOrReference);
    default:
      return false;
  }
}

const parameterOrReference = orReference(parameter);

function requestBody(v: unknown): boolean {
  return closed(v, (k, x) => (k === 'description' ? isString(x) : k === 'required' ? isBoolean(x) : k === 'content' && content(x))) && v.content !== undefined;
}

const requestBodyOrReference = orReference(requestBody);

function content(v: unknown): boolean {
  if (!isObject(v)) return false;
  for (const k in v) if (!mediaRange(k) || !mediaType(v[k])) return false;
  return true;
}

function mediaType(v: unknown): boolean {
  return (
    closed(v, (k, x) => (k === 'schema' ? acceptsSchema31(x) : k === 'example' ? true : k === 'examples' && everyValue(x, exampleOrReference))) &&
    (v.example === undefined || v.examples === undefined)
  );
}

function example(v: unknown): boolean {
  return (
    closed(v, (k, x) => (k === 'summary' || k === 'description' ? isString(x) : k === 'value' ? true : k === 'externalValue' && uriReference(x))) &&
    (v.value === undefined || v.externalValue === undefined)
  );
}

const exampleOrReference = orReference(example);

function responses(v: unknown): boolean {
  if (!isObject(v)) return false;
  let codes = 0;
  let any = 0;
  for (const k in v) {
    any++;
    if (k === 'default') {
      if (!responseOrReference(v[k])) return false;
    } else if (STATUS.test(k)) {
      codes++;
      if (!responseOrReference(v[k])) return false;
    } else if (!k.startsWith('x-')) return false;
  }
  return any > 0 && (codes > 0 || v.default !== undefined);
}

function response(v: unknown): boolean {
  return closed(v, responseField) && isString(v.description);
}

function responseField(k: string, x: unknown): boolean {
  switch (k) {
    case 'description':
      return isString(x);
    case 'content':
      return content(x);
    case 'headers':
      return everyValue(x, headerOrReference);
    case 'links':
      return everyValue(x, linkOrReference);
    default:
      return false;
  }
}

/** A Link Object: exactly one of `operationRef` and `operationId`. */
function link(v: unknown): boolean {
  return closed(v, linkField) && (v.operationRef === undefined) !== (v.operationId === undefined);
}

function linkField(k: string, x: unknown): boolean {
  switch (k) {
    case 'operationRef':
      return uriReference(x);
    case 'operationId':
    case 'description':
      return isString(x);
    case 'parameters':
      return everyValue(x, isString);
    case 'requestBody':
      return true;
    case 'server':
      return server(x);
    default:
      return false;
  }
}

const linkOrReference = orReference(link);

const responseOrReference = orReference(response);

/** The common Header Object: a `schema`, no `content`; `style` only as its one value. */
function header(v: unknown): boolean {
  if (!closed(v, headerField)) return false;
  return v.schema !== undefined && (v.example === undefined || v.examples === undefined);
}

function headerField(k: string, x: unknown): boolean {
  return k === 'style' ? x === 'simple' : k === 'explode' ? isBoolean(x) : withSchemaField(k, x);
}

const headerOrReference = orReference(header);

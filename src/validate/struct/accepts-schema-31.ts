import { isObject } from '../../core/json.js';
import { formats } from '../schemas/formats.js';
import { closed, everyItem, everyValue, externalDocs, fastPassesDisabled, uriReference } from './fast-pass.js';

/**
 * A fast, sound first pass over an OpenAPI 3.1 Schema Object, for the precompiled structural
 * check (scripts/build-validators.mjs wraps schema-base's `#/$defs/schema` validator with it).
 *
 * The official check validates every Schema Object against the OAS 3.1 dialect: the JSON Schema
 * 2020-12 meta-schema (seven vocabularies) and the OAS base vocabulary, through about ten nested
 * ajv calls per schema, each building an options object and the instance paths of its children.
 * On the hub's document (19,000 schemas) that was two thirds of the structural check.
 *
 * `acceptsSchema31` answers true only when the dialect certainly accepts the value: every keyword
 * it knows has a value of the right shape, and every subschema is accepted in turn (unknown
 * keywords are allowed by the dialect). Whatever it does not decide (a `$schema`, an integer it
 * cannot prove, any wrong value) it answers false, and the caller runs the official validator on
 * that schema, which writes the errors. So a finding can only ever come from ajv, and the fast pass
 * decides nothing that ajv would not: accepts-schema-31.test.ts checks that on every schema of the
 * corpus and on mutated ones.
 *
 * A refused schema is remembered (weakly) with every schema above it, so the official validator's
 * descent through them does not re-run this pass on the refused part: linear overall.
 */
export function acceptsSchema31(data: unknown): boolean {
  if (fastPassesDisabled()) return false;
  if (typeof data === 'boolean') return true;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return false;
  if (refused.has(data)) return false;
  if (objectSchema(data as Record<string, unknown>)) return true;
  refused.add(data);
  return false;
}

const refused = new WeakSet<object>();
const uri = formats.uri as (s: string) => boolean;
const regex = formats.regex as (s: string) => boolean;
const ANCHOR = /^[A-Za-z_][-A-Za-z0-9._]*$/u;
const ID = /^[^#]*#?$/u;
const SIMPLE_TYPES = new Set(['array', 'boolean', 'integer', 'null', 'number', 'object', 'string']);

function objectSchema(s: Record<string, unknown>): boolean {
  for (const k in s) {
    if (!keyword(k, s[k])) return false;
  }
  return true;
}

/** Whether the dialect accepts `v` as the value of keyword `k` (false: not decided here). */
function keyword(k: string, v: unknown): boolean {
  switch (k) {
    case 'items':
    case 'contains':
    case 'additionalProperties':
    case 'propertyNames':
    case 'if':
    case 'then':
    case 'else':
    case 'not':
    case 'unevaluatedItems':
    case 'unevaluatedProperties':
    case 'contentSchema':
      return acceptsSchema31(v);
    case 'prefixItems':
    case 'allOf':
    case 'anyOf':
    case 'oneOf':
      return schemaArray(v);
    case 'properties':
    case 'dependentSchemas':
    case '$defs':
    case 'definitions':
      return schemaMap(v, false);
    case 'patternProperties':
      return schemaMap(v, true);
    case 'type':
      return typeof v === 'string' ? SIMPLE_TYPES.has(v) : typeArray(v);
    case 'required':
      return stringArray(v);
    case 'enum':
    case 'examples':
      return Array.isArray(v);
    case 'title':
    case 'description':
    case '$comment':
    case 'format':
    case 'contentEncoding':
    case 'contentMediaType':
      return typeof v === 'string';
    case '$ref':
    case '$dynamicRef':
    case '$recursiveRef':
      return uriReference(v);
    default:
      return rarer(k, v);
  }
}

function rarer(k: string, v: unknown): boolean {
  switch (k) {
    case 'maximum':
    case 'exclusiveMaximum':
    case 'minimum':
    case 'exclusiveMinimum':
      return typeof v === 'number';
    case 'multipleOf':
      return typeof v === 'number' && v > 0;
    case 'maxLength':
    case 'minLength':
    case 'maxItems':
    case 'minItems':
    case 'maxContains':
    case 'minContains':
    case 'maxProperties':
    case 'minProperties':
      return Number.isInteger(v) && (v as number) >= 0;
    case 'uniqueItems':
    case 'deprecated':
    case 'readOnly':
    case 'writeOnly':
      return typeof v === 'boolean';
    case 'pattern':
      return typeof v === 'string' && regex(v);
    case '$id':
      return uriReference(v) && ID.test(v);
    case '$anchor':
    case '$dynamicAnchor':
    case '$recursiveAnchor':
      return typeof v === 'string' && ANCHOR.test(v);
    case 'dependentRequired':
      return everyValue(v, stringArray);
    case 'dependencies':
      return everyValue(v, (d) => (Array.isArray(d) ? stringArray(d) : acceptsSchema31(d)));
    default:
      return oasKeyword(k, v);
  }
}

/** The OAS base vocabulary's keywords, the `$schema` const (left to the official check) and any other keyword (allowed). */
function oasKeyword(k: string, v: unknown): boolean {
  switch (k) {
    case '$schema':
    case '$vocabulary':
      return false;
    case 'discriminator':
      return (
        closed(v, (f, x) => (f === 'propertyName' ? typeof x === 'string' : f === 'mapping' && everyValue(x, (m) => typeof m === 'string'))) &&
        v.propertyName !== undefined
      );
    case 'externalDocs':
      return externalDocs(v);
    case 'xml':
      return closed(v, xmlField);
    default:
      return true;
  }
}

function xmlField(k: string, x: unknown): boolean {
  switch (k) {
    case 'name':
    case 'prefix':
      return typeof x === 'string';
    case 'namespace':
      return typeof x === 'string' && uri(x);
    case 'attribute':
    case 'wrapped':
      return typeof x === 'boolean';
    default:
      return false;
  }
}

function schemaArray(v: unknown): boolean {
  return everyItem(v, acceptsSchema31) && v.length > 0;
}

function schemaMap(v: unknown, patterns: boolean): boolean {
  if (!isObject(v)) return false;
  for (const k in v) {
    if (patterns && !regex(k)) return false;
    if (!acceptsSchema31(v[k])) return false;
  }
  return true;
}

function stringArray(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (const s of v) if (typeof s !== 'string') return false;
  return v.length < 2 || new Set(v).size === v.length;
}

function typeArray(v: unknown): boolean {
  if (!Array.isArray(v) || v.length === 0) return false;
  for (const t of v) if (typeof t !== 'string' || !SIMPLE_TYPES.has(t)) return false;
  return v.length < 2 || new Set(v).size === v.length;
}

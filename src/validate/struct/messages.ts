import { isObject } from '../../core/json.js';
import { unescapeSegment } from '../../core/pointer.js';
import type { RawError } from '../schemas/validators.js';
import type { OasVersion } from '../types.js';
import { objectNameAt } from './object-names.js';

export interface StructIssue {
  /** Where the problem is (for an unknown property: the property itself). */
  segments: string[];
  message: string;
  suggestion?: string;
}

export function instanceSegments(instancePath: string): string[] {
  return instancePath === '' ? [] : instancePath.split('/').slice(1).map(unescapeSegment);
}

/** One readable sentence for one condensed ajv error. */
export function describeError(err: RawError, data: unknown, version: OasVersion): StructIssue {
  const at = instanceSegments(err.instancePath);
  const value = valueAt(data, at);
  const where = objectNameAt(at, version);
  const inWhere = where ? ` in ${article(where)}` : '';
  const name = at.length > 0 ? `\`${at[at.length - 1]}\`` : 'the document';
  const p = err.params;
  switch (err.keyword) {
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const prop = String(p.additionalProperty ?? p.unevaluatedProperty);
      return { segments: [...at, prop], message: `property \`${prop}\` is not allowed${inWhere}`, suggestion: unknownPropertyHint(prop, at) };
    }
    case 'required':
      return { segments: at, message: `${where ? article(where) : name} is missing the required property \`${String(p.missingProperty)}\`` };
    case 'requiredAlternatives': {
      // Synthetic (see condense.ts): the branches of an anyOf/oneOf each requiring one property.
      const names = Array.isArray(p.missingProperties) ? p.missingProperties.map(String) : [];
      return { segments: at, message: `${where ? article(where) : name} must have ${p.exactlyOne ? 'exactly' : 'at least'} one of ${alternatives(names)}` };
    }
    case 'dependencies':
    case 'dependentRequired':
      return { segments: at, message: `\`${String(p.missingProperty)}\` is required when \`${String(p.property)}\` is present${inWhere}` };
    case 'type':
      return { segments: at, message: `${name} must be ${withArticle(String(p.type))}, not ${typeName(value)}` };
    case 'enum':
      return { segments: at, message: `${name} must be one of ${list(p.allowedValues)}, not ${JSON.stringify(value)}` };
    case 'const':
      return { segments: at, message: `${name} must be ${JSON.stringify(p.allowedValue)}, not ${JSON.stringify(value)}` };
    case 'format':
      return { segments: at, message: `${name} is not a valid ${String(p.format)}: ${JSON.stringify(value)}` };
    case 'pattern':
      if (p.pattern === TOKEN_PATTERN) return { segments: at, message: `${name} ${JSON.stringify(value)} ${NOT_A_TOKEN}` };
      return { segments: at, message: `${name} ${JSON.stringify(value)} does not match the pattern ${String(p.pattern)}` };
    case 'propertyNames':
      return {
        segments: [...at, String(p.propertyName)],
        message: `\`${String(p.propertyName)}\` is not a valid name here${inWhere}${nameReason(p.reason, at)}`,
      };
    case 'contains':
      return { segments: at, message: containsMessage(value, name, p) };
    case 'minProperties':
      return { segments: at, message: `${name} must have at least ${String(p.limit)} ${Number(p.limit) === 1 ? 'entry' : 'entries'}` };
    case 'maxProperties':
      return { segments: at, message: `${name} must have at most ${String(p.limit)} ${Number(p.limit) === 1 ? 'entry' : 'entries'}` };
    case 'minItems':
      return { segments: at, message: `${name} must have at least ${String(p.limit)} item${Number(p.limit) === 1 ? '' : 's'}` };
    case 'maxItems':
      return { segments: at, message: `${name} must have at most ${String(p.limit)} item${Number(p.limit) === 1 ? '' : 's'}` };
    case 'uniqueItems':
      return { segments: at, message: `${name} must not contain duplicates (items ${String(p.j)} and ${String(p.i)} are equal)` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { segments: at, message: `${name} must be ${String(p.comparison)} ${String(p.limit)}` };
    case 'minLength':
      return { segments: at, message: `${name} must not be shorter than ${String(p.limit)} character${Number(p.limit) === 1 ? '' : 's'}` };
    case 'not':
      return { segments: at, message: notMessage(value, where) };
    case 'oneOf':
      return {
        segments: at,
        message: Array.isArray(p.passingSchemas)
          ? (exclusivePairs(value) ?? `${where ? article(where) : name} matches more than one of the forms allowed here; it must match exactly one`)
          : `${where ? article(where) : name} does not match any of the forms allowed here`,
      };
    case 'anyOf':
      return { segments: at, message: `${where ? article(where) : name} does not match any of the forms allowed here` };
    case 'false schema':
      return { segments: at, message: `${name} is not allowed here` };
    default:
      return { segments: at, message: `${name} fails the \`${err.keyword}\` check of the OpenAPI schema` };
  }
}

/** Fields the OpenAPI schemas forbid together (with `not: {required: [a, b]}`). */
const EXCLUSIVE: ReadonlyArray<readonly [string, string]> = [
  ['example', 'examples'],
  ['schema', 'content'],
  ['value', 'externalValue'],
  ['value', 'dataValue'],
  ['value', 'serializedValue'],
  ['serializedValue', 'externalValue'],
  ['identifier', 'url'],
  ['operationRef', 'operationId'],
];

function notMessage(value: unknown, where: string | undefined): string {
  if (Array.isArray(value) && countIn(value, 'querystring') > 0 && countIn(value, 'query') > 0) {
    return 'a `querystring` parameter cannot be used together with `query` parameters';
  }
  return exclusivePairs(value) ?? `${where ? article(where) : 'this value'} has a combination of fields the OpenAPI schema does not allow`;
}

/** "`value` and `dataValue` are mutually exclusive" for the forbidden pairs the value has, if any. */
function exclusivePairs(value: unknown): string | undefined {
  const has = (k: string): boolean => isObject(value) && k in value;
  const pairs = EXCLUSIVE.filter(([a, b]) => has(a) && has(b)).map(([a, b]) => `\`${a}\` and \`${b}\``);
  return pairs.length > 0 ? `${pairs.join(', ')} ${pairs.length === 1 ? 'are' : 'are each'} mutually exclusive` : undefined;
}

/** Parameters of a list (not Reference Objects: the schema cannot see through those) with this `in`. */
function countIn(list: readonly unknown[], location: string): number {
  return list.filter((x) => isObject(x) && x.in === location).length;
}

function containsMessage(value: unknown, name: string, p: Record<string, unknown>): string {
  if (Array.isArray(value) && countIn(value, 'querystring') > 1) return `${name} may contain at most one \`querystring\` parameter`;
  const min = typeof p.minContains === 'number' ? p.minContains : 1;
  const max = typeof p.maxContains === 'number' ? ` and at most ${p.maxContains}` : '';
  return `${name} must contain at least ${min}${max} item${max === '' && min === 1 ? '' : 's'} of the required kind`;
}

/** RFC 9110 `token` (header names, HTTP methods), as the 3.2 schema spells it. */
const TOKEN_PATTERN = "^[0-9A-Za-z!#$%&'*+.^_`|~-]+$";
const NOT_A_TOKEN = "is not an HTTP token (RFC 9110): only letters, digits and !#$%&'*+-.^_`|~ are allowed";

/** Why a name failed its map's `propertyNames` (the folded inner error, see condense.ts). */
function nameReason(reason: unknown, at: readonly string[]): string {
  if (reason === null || typeof reason !== 'object') return '';
  const r = reason as { keyword?: unknown; params?: Record<string, unknown> };
  const rp = r.params ?? {};
  if (r.keyword === 'pattern' && rp.pattern === TOKEN_PATTERN) return `: it ${NOT_A_TOKEN}`;
  if (r.keyword === 'pattern') return `: it must match the pattern ${String(rp.pattern)}`;
  if (r.keyword === 'format') return `: it must be a valid ${String(rp.format)}`;
  if (r.keyword === 'not' && at[at.length - 1] === 'additionalOperations') {
    return ": the methods of the Path Item Object's fixed fields (GET, PUT, POST, …, QUERY) are not additional operations";
  }
  return '';
}

/** `a`, `b` or `c` */
function alternatives(names: readonly string[]): string {
  const q = names.map((n) => `\`${n}\``);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

function unknownPropertyHint(prop: string, at: readonly string[]): string | undefined {
  const parent = at[at.length - 1];
  if (parent === 'responses' && /^[1-5][0-9xX]{2}$/.test(prop)) return `Status code ranges use an uppercase X: \`${prop.toUpperCase()}\`.`;
  if (!prop.startsWith('x-')) return 'Only the fields the specification defines are allowed here; custom data goes in an `x-` extension.';
  return undefined;
}

function valueAt(data: unknown, segments: readonly string[]): unknown {
  let node = data;
  for (const s of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[s];
  }
  return node;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return `${withArticle(typeof v)} (${JSON.stringify(v)})`;
}

function withArticle(type: string): string {
  if (type.includes(',')) return `one of ${type.split(',').join(', ')}`;
  return /^[aeiouAEIOU]/.test(type) ? `an ${type}` : `a ${type}`;
}

function article(name: string): string {
  return /^(OpenAPI|Swagger) Object$/.test(name) ? `the ${name}` : withArticle(name);
}

function list(values: unknown): string {
  return Array.isArray(values) ? values.map((v) => JSON.stringify(v)).join(', ') : JSON.stringify(values);
}

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
      return { segments: at, message: `${name} ${JSON.stringify(value)} does not match the pattern ${String(p.pattern)}` };
    case 'propertyNames':
      return { segments: [...at, String(p.propertyName)], message: `\`${String(p.propertyName)}\` is not a valid name here${inWhere}` };
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
          ? `${where ? article(where) : name} matches more than one of the forms allowed here; it must match exactly one`
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

function notMessage(value: unknown, where: string | undefined): string {
  const has = (k: string): boolean => value !== null && typeof value === 'object' && k in value;
  if (has('example') && has('examples')) return '`example` and `examples` are mutually exclusive';
  if (has('schema') && has('content')) return '`schema` and `content` are mutually exclusive';
  if (has('value') && has('externalValue')) return '`value` and `externalValue` are mutually exclusive';
  return `${where ? article(where) : 'this value'} has a combination of fields the OpenAPI schema does not allow`;
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

import { describe, expect, it } from 'vitest';
import { fixtureDocuments31, hubDocument, nodesIn } from '../../../tests/helpers/oas31-fixtures.js';
import { seededRandom } from '../../../tests/helpers/random.js';
import { loadSchemaValidator } from '../schemas/validators.js';
import { acceptsSchema31 } from './accepts-schema-31.js';
import { isObject } from '../../core/json.js';
import { withoutFastPass } from './fast-pass.js';

const validate = await loadSchemaValidator('3.1');

/** The official verdict on `schema` as a Schema Object (the fast pass off). */
function officialAccepts(schema: unknown): boolean {
  const doc = { openapi: '3.1.0', info: { title: 't', version: '1' }, components: { schemas: { S: schema } } };
  return withoutFastPass(() => validate(doc));
}

const KEYWORDS = [
  'type',
  'items',
  'properties',
  'required',
  'enum',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'prefixItems',
  'additionalProperties',
  'patternProperties',
  'dependentSchemas',
  'dependentRequired',
  'dependencies',
  '$defs',
  'definitions',
  'minLength',
  'maxItems',
  'minimum',
  'multipleOf',
  'pattern',
  'format',
  'title',
  'description',
  'deprecated',
  'uniqueItems',
  '$ref',
  '$id',
  '$anchor',
  '$dynamicAnchor',
  '$dynamicRef',
  '$schema',
  '$vocabulary',
  '$comment',
  'discriminator',
  'xml',
  'externalDocs',
  'examples',
  'contentSchema',
  'contentMediaType',
  'unevaluatedProperties',
  'if',
  'const',
  'x-extra',
] as const;
const VALUES: unknown[] = [
  0,
  -1,
  1.5,
  2,
  Number.POSITIVE_INFINITY,
  Number.NaN,
  '',
  'string',
  'foo',
  '(',
  'a\u0000b',
  '#frag',
  'x#y',
  'https://e.x/a b',
  '1bad',
  true,
  false,
  null,
  [],
  ['a'],
  ['a', 'a'],
  ['string', 'null'],
  ['string', 'string'],
  [1],
  [{}],
  [{ type: 'foo' }],
  {},
  { type: 'string' },
  { type: 7 },
  { propertyName: 'kind' },
  { propertyName: 'kind', mapping: { a: '#/x' } },
  { propertyName: 'kind', mapping: { a: 1 } },
  { propertyName: 'kind', extra: 1 },
  { url: 'https://e.x' },
  { url: 'https://e.x', 'x-a': 1 },
  { description: 'no url' },
  { name: 'n', wrapped: true },
  { namespace: 'not a uri' },
  { namespace: 'https://e.x' },
  { '(': {} },
  { a: ['x', 'x'] },
  { a: { type: 'string' } },
  { a: 'text' },
  { 'https://e.x/v': true },
  { 'not a uri': true },
];

/** A copy of `schema` with one keyword, somewhere inside, set to a random value. */
function mutate(schema: unknown, rand: () => number): unknown {
  const copy: unknown = structuredClone(schema);
  const targets = nodesIn(copy).filter(isObject);
  const target = targets[Math.floor(rand() * targets.length)];
  const key = KEYWORDS[Math.floor(rand() * KEYWORDS.length)];
  if (!target || key === undefined) return copy;
  target[key] = structuredClone(VALUES[Math.floor(rand() * VALUES.length)]);
  return copy;
}

describe('acceptsSchema31: the structural check’s fast pass over Schema Objects', () => {
  const docs = fixtureDocuments31();

  it('finds the 3.1 fixtures it is tested on', () => {
    expect(docs.length).toBeGreaterThan(40);
  });

  it('accepts nothing the official check refuses, on every object of every 3.1 fixture', () => {
    let accepted = 0;
    let checked = 0;
    for (const [file, doc] of docs) {
      for (const node of nodesIn(doc)) {
        checked++;
        if (!acceptsSchema31(node)) continue;
        accepted++;
        expect(officialAccepts(node), `${file}: ${JSON.stringify(node).slice(0, 200)}`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(5_000);
    expect(accepted).toBeGreaterThan(1_000);
  });

  it('accepts nothing the official check refuses, on 20,000 mutated schemas', () => {
    const rand = seededRandom(14);
    const schemas = docs.flatMap(([, doc]) => {
      const s = isObject(doc) && isObject(doc.components) && isObject(doc.components.schemas) ? Object.values(doc.components.schemas) : [];
      return s.slice(0, 60);
    });
    expect(schemas.length).toBeGreaterThan(100);
    let refusedByBoth = 0;
    let accepted = 0;
    for (let i = 0; i < 20_000; i++) {
      const m = mutate(schemas[i % schemas.length], rand);
      const fast = acceptsSchema31(m);
      const official = officialAccepts(m);
      if (fast) {
        accepted++;
        expect(official, JSON.stringify(m).slice(0, 400)).toBe(true);
      } else if (!official) refusedByBoth++;
    }
    // Both sides are exercised: mutations that break a schema, and ones that keep it valid.
    expect(refusedByBoth).toBeGreaterThan(2_000);
    expect(accepted).toBeGreaterThan(2_000);
  });

  it('accepts the schemas of real documents (what makes it fast): all of OpenAI’s components that the official check accepts', () => {
    const openai = docs.find(([f]) => f.startsWith('openai'))?.[1];
    const schemas = isObject(openai) && isObject(openai.components) && isObject(openai.components.schemas) ? Object.values(openai.components.schemas) : [];
    expect(schemas.length).toBeGreaterThan(400);
    // One is refused by both: OpenAI writes `$recursiveAnchor: true`, where 2020-12 wants an anchor name.
    const refusedByAjv = schemas.filter((s) => !officialAccepts(s));
    expect(refusedByAjv).toHaveLength(1);
    expect(schemas.filter((s) => !acceptsSchema31(s))).toEqual(refusedByAjv);
  });

  it('accepts every component schema of the hub’s own built document', () => {
    const index = { document: hubDocument() as { components: { schemas: object } } };
    const schemas = Object.values(index.document.components.schemas);
    expect(schemas.length).toBeGreaterThan(1_000);
    expect(schemas.filter((s) => !acceptsSchema31(s))).toEqual([]);
  });

  it('refuses what it does not decide, and remembers a refused schema with those above it', () => {
    expect(acceptsSchema31({ $schema: 'https://spec.openapis.org/oas/3.1/dialect/2024-11-10' })).toBe(false);
    expect(acceptsSchema31({ maxLength: Number.POSITIVE_INFINITY })).toBe(false); // ajv takes it; left to ajv
    expect(acceptsSchema31(true)).toBe(true);
    expect(acceptsSchema31('string')).toBe(false);
    const bad = { type: 'strnig' };
    const outer = { properties: { a: { items: bad } } };
    expect(acceptsSchema31(outer)).toBe(false);
    bad.type = 'string'; // a refusal is remembered: the official check decides from now on
    expect(acceptsSchema31(outer)).toBe(false);
    expect(acceptsSchema31(outer.properties.a)).toBe(false);
    expect(acceptsSchema31({ properties: { a: { items: { type: 'string' } } } })).toBe(true);
  });

  it('leaves every error of the structural check as it was, on every 3.1 fixture', () => {
    let withErrors = 0;
    for (const [file, doc] of docs) {
      const fast = validate(structuredClone(doc)) ? [] : validate.errors;
      const official = withoutFastPass(() => (validate(structuredClone(doc)) ? [] : validate.errors));
      expect(fast, file).toEqual(official);
      if (official?.length) withErrors++;
    }
    expect(withErrors).toBeGreaterThan(30);
  });
});

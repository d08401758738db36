import { describe, expect, it } from 'vitest';
import { fixtureDocuments31, hubDocument, nodesIn } from '../../../tests/helpers/oas31-fixtures.js';
import { seededRandom } from '../../../tests/helpers/random.js';
import { loadSchemaValidator } from '../schemas/validators.js';
import { acceptsPathItem31 } from './accepts-path-item-31.js';
import { isObject } from '../../core/json.js';
import { withoutFastPass } from './fast-pass.js';

/** The path items of every 3.1 fixture, and of the hub's built document. */
function pathItems(): Array<[string, unknown]> {
  const docs: Array<[string, Record<string, unknown>]> = [...fixtureDocuments31(), ['specs/openapi.index.json', hubDocument()]];
  const items: Array<[string, unknown]> = [];
  for (const [file, doc] of docs) {
    for (const key of ['paths', 'webhooks']) {
      const map = doc[key];
      if (isObject(map)) for (const [path, item] of Object.entries(map)) if (path.startsWith('/') || key === 'webhooks') items.push([`${file} ${path}`, item]);
    }
  }
  return items;
}

const validate = await loadSchemaValidator('3.1');

/** The official verdict on `item` as a Path Item Object (every fast pass off). */
function officialAccepts(item: unknown): boolean {
  return withoutFastPass(() => validate({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/p': item } }));
}

/** Keys and values that a mutation puts somewhere in a path item. */
const KEYS = [
  'get',
  'post',
  'parameters',
  'servers',
  'summary',
  'description',
  '$ref',
  'operationId',
  'tags',
  'responses',
  'requestBody',
  'security',
  'externalDocs',
  'deprecated',
  'callbacks',
  'name',
  'in',
  'required',
  'schema',
  'content',
  'example',
  'examples',
  'style',
  'explode',
  'allowEmptyValue',
  'allowReserved',
  'value',
  'externalValue',
  'headers',
  'links',
  'encoding',
  'default',
  '200',
  '2XX',
  '600',
  'url',
  'variables',
  'enum',
  'x-extra',
  'type',
] as const;
const VALUES: unknown[] = [
  0,
  1.5,
  '',
  'text',
  'query',
  'path',
  'header',
  'cookie',
  'form',
  'simple',
  '{id}',
  'https://e.x',
  'a\u0000b',
  true,
  false,
  null,
  [],
  ['a'],
  [1],
  [{}],
  [{ url: 'https://e.x' }],
  {},
  { type: 'string' },
  { type: 'strnig' },
  { description: 'ok' },
  { $ref: '#/x' },
  { $ref: 7 },
  { 'application/json': {} },
  { 'not a media type': {} },
  { 'application/json': { schema: { type: 'string' } } },
  { 'application/json': { example: 1, examples: {} } },
  { '200': { description: 'ok' } },
  { default: { description: 'ok' } },
  { 'x-a': 1 },
  { url: 'https://e.x' },
  { description: 'no url' },
  { a: ['x'] },
  { a: 'x' },
  { value: 1, externalValue: 'x' },
  { default: 'v', enum: [] },
  { l: { operationId: 'a' } },
  { l: { operationId: 'a', operationRef: '#/x' } },
  { l: { operationRef: '#/x', parameters: { id: '$response.body#/id' } } },
  { l: { operationId: 'a', parameters: { id: 1 } } },
  { l: { operationId: 'a', server: { url: 'https://e.x' } } },
  { l: { description: 'no target' } },
  { name: 'id', in: 'path', required: true, schema: {} },
  { name: 'q', in: 'query', schema: {} },
  { name: 'q', in: 'body', schema: {} },
];

describe('acceptsPathItem31: the structural check’s fast pass over Path Items', () => {
  const items = pathItems();

  it('finds the path items it is tested on', () => {
    expect(items.length).toBeGreaterThan(2_400);
    expect(items.filter(([where]) => !where.startsWith('specs/')).length).toBeGreaterThan(20);
  });

  it('accepts nothing the official check refuses, on every path item of the 3.1 fixtures and the hub’s document', () => {
    const wrong = items.filter(([, item]) => acceptsPathItem31(item) && !officialAccepts(item)).map(([where]) => where);
    expect(wrong).toEqual([]);
  });

  it('accepts every path item of the hub’s document (what makes it fast)', () => {
    const hub = items.filter(([where]) => where.startsWith('specs/'));
    expect(hub.length).toBeGreaterThan(2_000);
    expect(hub.filter(([, item]) => !acceptsPathItem31(item)).map(([where]) => where)).toEqual([]);
  });

  it('accepts nothing the official check refuses, on 20,000 mutated path items', () => {
    const rand = seededRandom(31);
    const sample = items.filter((_, i) => i % 7 === 0).map(([, item]) => item);
    let accepted = 0;
    let refusedByBoth = 0;
    for (let i = 0; i < 20_000; i++) {
      const item: unknown = structuredClone(sample[i % sample.length]);
      for (let n = 1 + Math.floor(rand() * 2); n > 0; n--) {
        const targets = nodesIn(item).filter(isObject);
        const target = targets[Math.floor(rand() * targets.length)];
        const key = KEYS[Math.floor(rand() * KEYS.length)];
        if (target && key) target[key] = structuredClone(VALUES[Math.floor(rand() * VALUES.length)]);
      }
      const fast = acceptsPathItem31(item);
      const official = officialAccepts(item);
      if (fast) {
        accepted++;
        expect(official, JSON.stringify(item).slice(0, 600)).toBe(true);
      } else if (!official) refusedByBoth++;
    }
    expect(accepted).toBeGreaterThan(1_000);
    expect(refusedByBoth).toBeGreaterThan(5_000);
  });
});

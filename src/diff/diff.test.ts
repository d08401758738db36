import { describe, it, expect } from 'vitest';
import { parse } from 'yaml';
import { diffDocuments } from './diff.js';
import { formatDiffMarkdown, formatDiffText } from './format.js';

type Obj = Record<string, unknown>;

/** A small document: one FAL-like submit operation whose input schema is `input`. */
function doc(input: Obj, extra: { params?: unknown[]; responses?: Obj; security?: unknown[]; paths?: Obj } = {}): Obj {
  return {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/fal-ai/flux/dev': {
        post: {
          'x-hub-source': { provider: 'fal', endpointId: 'fal-ai/flux/dev', role: 'submit' },
          parameters: extra.params ?? [],
          security: extra.security ?? [{ falKey: [] }],
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/In' } } } },
          responses: extra.responses ?? {
            '200': {
              description: 'ok',
              content: {
                'application/json': {
                  schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['IN_QUEUE', 'COMPLETED'] } } },
                },
              },
            },
          },
        },
      },
      ...(extra.paths ?? {}),
    },
    components: { schemas: { In: input } },
  };
}

const base: Obj = {
  type: 'object',
  required: ['prompt'],
  properties: { prompt: { type: 'string', maxLength: 100 }, size: { type: 'string', enum: ['a', 'b'] }, steps: { type: 'integer', minimum: 1 } },
};
const with_ = (patch: (s: Obj) => void): Obj => {
  const s = structuredClone(base);
  patch(s);
  return s;
};
const props = (s: Obj) => s.properties as Record<string, Obj>;

const cases: Array<[string, { old: Obj; new: Obj; kind: string; breaking: boolean }]> = [
  [
    'a removed path',
    { old: doc(base, { paths: { '/x': { get: { responses: { '200': { description: 'ok' } } } } } }), new: doc(base), kind: 'path-removed', breaking: true },
  ],
  [
    'a removed operation',
    {
      old: doc(base, { paths: { '/x': { get: { responses: { '200': { description: 'ok' } } }, delete: { responses: { '204': { description: 'gone' } } } } } }),
      new: doc(base, { paths: { '/x': { get: { responses: { '200': { description: 'ok' } } } } } }),
      kind: 'operation-removed',
      breaking: true,
    },
  ],
  [
    'an added path',
    { old: doc(base), new: doc(base, { paths: { '/x': { get: { responses: { '200': { description: 'ok' } } } } } }), kind: 'path-added', breaking: false },
  ],
  [
    'a removed response',
    {
      old: doc(base, { responses: { '200': { description: 'ok' }, '422': { description: 'bad' } } }),
      new: doc(base, { responses: { '200': { description: 'ok' } } }),
      kind: 'response-removed',
      breaking: true,
    },
  ],
  [
    'a new required parameter',
    {
      old: doc(base),
      new: doc(base, { params: [{ name: 'logs', in: 'query', required: true, schema: { type: 'number' } }] }),
      kind: 'parameter-added',
      breaking: true,
    },
  ],
  [
    'a removed parameter',
    { old: doc(base, { params: [{ name: 'logs', in: 'query', schema: { type: 'number' } }] }), new: doc(base), kind: 'parameter-removed', breaking: true },
  ],
  [
    'a new optional parameter',
    { old: doc(base), new: doc(base, { params: [{ name: 'logs', in: 'query', schema: { type: 'number' } }] }), kind: 'parameter-added', breaking: false },
  ],
  [
    'a new required property',
    {
      old: doc(base),
      new: doc(
        with_((s) => {
          props(s).seed = { type: 'integer' };
          (s.required as string[]).push('seed');
        }),
      ),
      kind: 'property-added',
      breaking: true,
    },
  ],
  [
    'a new optional property',
    {
      old: doc(base),
      new: doc(
        with_((s) => {
          props(s).seed = { type: 'integer' };
        }),
      ),
      kind: 'property-added',
      breaking: false,
    },
  ],
  [
    'a changed type',
    {
      old: doc(base),
      new: doc(
        with_((s) => {
          props(s).steps = { type: 'string' };
        }),
      ),
      kind: 'type-changed',
      breaking: true,
    },
  ],
  [
    'a removed enum value',
    {
      old: doc(base),
      new: doc(
        with_((s) => {
          props(s).size!.enum = ['a'];
        }),
      ),
      kind: 'enum-value-removed',
      breaking: true,
    },
  ],
  [
    'an added enum value in a request',
    {
      old: doc(base),
      new: doc(
        with_((s) => {
          props(s).size!.enum = ['a', 'b', 'c'];
        }),
      ),
      kind: 'enum-value-added',
      breaking: false,
    },
  ],
  [
    'a narrowed maximum length',
    {
      old: doc(base),
      new: doc(
        with_((s) => {
          props(s).prompt!.maxLength = 50;
        }),
      ),
      kind: 'constraint-narrowed',
      breaking: true,
    },
  ],
  [
    'a raised minimum',
    {
      old: doc(base),
      new: doc(
        with_((s) => {
          props(s).steps!.minimum = 4;
        }),
      ),
      kind: 'constraint-narrowed',
      breaking: true,
    },
  ],
  [
    'a widened constraint',
    {
      old: doc(base),
      new: doc(
        with_((s) => {
          props(s).prompt!.maxLength = 500;
        }),
      ),
      kind: 'constraint-widened',
      breaking: false,
    },
  ],
  ['removed security (the operation is open now)', { old: doc(base), new: doc(base, { security: [] }), kind: 'security-removed', breaking: false }],
  ['a replaced security requirement', { old: doc(base), new: doc(base, { security: [{ other: [] }] }), kind: 'security-removed', breaking: true }],
  ['security on an open operation', { old: doc(base, { security: [] }), new: doc(base), kind: 'security-added', breaking: true }],
  [
    'a removed optional response property',
    {
      old: doc(base, {
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { seed: { type: 'integer' } } } } } } },
      }),
      new: doc(base, { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: {} } } } } } }),
      kind: 'property-removed',
      breaking: true,
    },
  ],
  [
    'a removed request property',
    {
      old: doc(base),
      new: doc(
        with_((s) => {
          delete props(s).steps;
        }),
      ),
      kind: 'property-removed',
      breaking: true,
    },
  ],
  [
    'a nullable request property',
    {
      old: doc(base),
      new: doc(
        with_((s) => {
          props(s).steps!.type = ['integer', 'null'];
        }),
      ),
      kind: 'type-changed',
      breaking: false,
    },
  ],
  [
    'a property that became required',
    {
      old: doc(base),
      new: doc(
        with_((s) => {
          (s.required as string[]).push('size');
        }),
      ),
      kind: 'property-required',
      breaking: true,
    },
  ],
];

describe('diffDocuments', () => {
  it.each(cases)('classifies %s', (_name, c) => {
    const r = diffDocuments(c.old, c.new);
    const found = r.changes.filter((x) => x.kind === c.kind);
    expect(found, JSON.stringify(r.changes, null, 1)).toHaveLength(1);
    expect(found[0]!.breaking).toBe(c.breaking);
  });

  it('finds nothing between identical documents', () => {
    expect(diffDocuments(doc(base), doc(base))).toEqual({ breaking: 0, nonBreaking: 0, changes: [] });
  });

  it('groups by provider and model and says so in text and markdown', () => {
    const r = diffDocuments(
      doc(base),
      doc(
        with_((s) => {
          props(s).size!.enum = ['a'];
        }),
      ),
    );
    expect(r.changes[0]).toMatchObject({ provider: 'fal', group: 'fal-ai/flux/dev', method: 'post', path: '/fal-ai/flux/dev' });
    expect(formatDiffText(r)).toContain('fal / fal-ai/flux/dev\n  BREAKING  POST /fal-ai/flux/dev: request body size: enum value "b" removed');
    expect(formatDiffMarkdown(r)).toContain('<details><summary><b>fal / fal-ai/flux/dev</b>: 1 breaking</summary>');
  });

  it('treats a removed required response property as breaking, an added response enum value as breaking', () => {
    const old = parse(
      `{openapi: 3.1.0, paths: {/s: {get: {responses: {'200': {description: ok, content: {application/json: {schema: {type: object, required: [a], properties: {a: {type: string, enum: [x]}}}}}}}}}}}`,
    ) as Obj;
    const gone = parse(
      `{openapi: 3.1.0, paths: {/s: {get: {responses: {'200': {description: ok, content: {application/json: {schema: {type: object, properties: {}}}}}}}}}}`,
    ) as Obj;
    const more = parse(
      `{openapi: 3.1.0, paths: {/s: {get: {responses: {'200': {description: ok, content: {application/json: {schema: {type: object, required: [a], properties: {a: {type: string, enum: [x, y]}}}}}}}}}}}`,
    ) as Obj;
    expect(diffDocuments(old, gone).changes.map((c) => [c.kind, c.breaking, c.message])).toEqual([
      ['property-removed', true, 'response 200 body a: required property removed'],
    ]);
    expect(diffDocuments(old, more).changes.map((c) => [c.kind, c.breaking])).toEqual([['enum-value-added', true]]);
  });

  it('terminates on recursive schemas', () => {
    const rec = (t: string): Obj => ({
      openapi: '3.1.0',
      paths: {
        '/n': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/N' } } } } } } },
      },
      components: { schemas: { N: { type: 'object', properties: { v: { type: t }, next: { $ref: '#/components/schemas/N' } } } } },
    });
    expect(diffDocuments(rec('string'), rec('integer')).changes.map((c) => c.kind)).toEqual(['type-changed']);
  });
});

describe('diffDocuments on path items that are not objects', () => {
  const doc = (item: unknown) => ({
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: { '/p': item, '/q': { get: { responses: { 200: { description: 'ok' } } } } },
  });
  it('reports nothing for a path that is no Path Item Object in either document, instead of throwing', () => {
    for (const [a, b] of [
      [null, null],
      ['x', 'y'],
      [[], []],
    ] as const) {
      expect(diffDocuments(doc(a), doc(b)).changes).toEqual([]);
    }
  });
  it('a path item that becomes one (or stops being one) is a path added (removed)', () => {
    expect(diffDocuments(doc(null), doc({ get: { responses: {} } })).changes.map((c) => c.kind)).toEqual(['path-added']);
    expect(diffDocuments(doc({ get: { responses: {} } }), doc('x')).changes.map((c) => c.kind)).toEqual(['path-removed']);
  });
});

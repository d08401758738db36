import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parsePointer, pointer, resolvePointer } from '../core/pointer.js';
import { diffOpenApi } from './prepare.js';
import { formatDiffGithub, formatDiffMarkdown, formatDiffText } from './format.js';
import type { Change, DiffResult } from './types.js';

// Real documents, edited the way providers change them (tests/fixtures/diff/README.md).
type Obj = Record<string, unknown>;
/** Set (or, with `undefined`, delete) the value at a JSON pointer of a parsed document. */
function set(doc: Obj, ptr: string, value: unknown): void {
  const segs = parsePointer(ptr);
  const last = segs.pop()!;
  const parent = resolvePointer(doc, pointer(...segs)) as Record<string, unknown>;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
}
const get = <T = unknown>(doc: Obj, ptr: string): T => resolvePointer(doc, ptr) as T;
const fixture = (name: string): Obj => {
  const text = readFileSync(new URL(`../../tests/fixtures/diff/${name}`, import.meta.url), 'utf8');
  return (name.endsWith('.json') ? JSON.parse(text) : parse(text)) as Obj;
};
const edited = (name: string, edit: (d: Obj) => void): [Obj, Obj] => {
  const before = fixture(name);
  const after = fixture(name);
  edit(after);
  return [before, after];
};

/** Every change line of the text and markdown outputs names the place of one change: `where property:`. */
function expectEveryLineNamesItsPlace(r: DiffResult): void {
  const places = r.changes.map((c) => `${c.where}${c.property ? ` ${c.property}` : ''}: `);
  const text = formatDiffText(r)
    .split('\n')
    .filter((l) => /^ {2}(BREAKING|ok) {2}/.test(l));
  const md = formatDiffMarkdown(r)
    .split('\n')
    .filter((l) => l.startsWith('- '));
  expect(text.length).toBeGreaterThan(0);
  expect(md).toHaveLength(text.length);
  for (const l of [...text, ...md])
    expect(
      places.some((p) => l.includes(p) || /\d+ paths (added|removed): /.test(l)),
      l,
    ).toBe(true);
}

const only = (r: DiffResult, kind: Change['kind']): Change => {
  const found = r.changes.filter((c) => c.kind === kind);
  expect(found, JSON.stringify(r.changes, null, 1)).toHaveLength(1);
  return found[0]!;
};

describe('diff of Swagger 2.0 documents (upgraded as the build does)', () => {
  it('catches a parameter type change', async () => {
    const [a, b] = edited('yelp-swagger.yaml', (d) => {
      set(d, '/paths/~1businesses~1search/get/parameters/0/type', 'integer');
    });
    const r = await diffOpenApi(a, b);
    const c = only(r, 'type-changed');
    expect(c).toMatchObject({
      breaking: true,
      checkId: 'request-parameter-type-changed',
      method: 'get',
      path: '/businesses/search',
      where: 'query parameter term',
      message: 'query parameter term: type changed from string to integer',
    });
    expect(r.changes).toHaveLength(1);
    expectEveryLineNamesItsPlace(r);
  });

  it('catches a basePath change, once for every operation', async () => {
    const [a, b] = edited('yelp-swagger.yaml', (d) => {
      set(d, '/basePath', '/v4');
    });
    const r = await diffOpenApi(a, b);
    expect(r.changes).toHaveLength(1);
    expect(r.changes[0]).toMatchObject({ kind: 'server-changed', breaking: true, provider: 'shared', group: 'servers', where: 'servers' });
    expect(r.changes[0]!.message).toMatch(
      /^servers: url changed from https:\/\/api\.yelp\.com\/v3 to https:\/\/api\.yelp\.com\/v4; reaches 6 operations: GET \/autocomplete, GET \/businesses\/search, /,
    );
    expect(r.changes[0]!.operations).toHaveLength(6);
    expectEveryLineNamesItsPlace(r);
  });

  it('catches a host change and a changed security scheme', async () => {
    const [a, b] = edited('yelp-swagger.yaml', (d) => {
      set(d, '/host', 'api2.yelp.com');
      set(d, '/securityDefinitions/auth/tokenUrl', 'https://api.yelp.com/oauth3/token');
    });
    const r = await diffOpenApi(a, b);
    expect(r.changes.map((c) => c.message.replace(/; reaches .*/, ''))).toEqual([
      'security scheme auth flows: changed',
      'servers: url changed from https://api.yelp.com/v3 to https://api2.yelp.com/v3',
    ]);
    expect(r.changes.every((c) => c.breaking)).toBe(true);
  });

  it('groups a document from outside the hub by tag or path, never "unknown"', async () => {
    const [a, b] = edited('yelp-swagger.yaml', (d) => {
      set(d, '/paths/~1businesses~1search/get/parameters/0/type', 'integer');
      set(d, '/paths/~1autocomplete/get/tags', ['search']);
      get<unknown[]>(d, '/paths/~1autocomplete/get/parameters').push({ name: 'lang', in: 'query', required: true, type: 'string' });
    });
    const r = await diffOpenApi(a, b);
    expect(r.changes.map((c) => [c.provider, c.group])).toEqual([
      [undefined, '/businesses/search'],
      [undefined, 'search'],
    ]);
    const text = formatDiffText(r);
    expect(text).not.toContain('unknown');
    expect(text).toContain('\nsearch\n  BREAKING  GET /autocomplete: query parameter lang: required parameter added\n');
  });
});

describe('diff of OpenAPI 3.x documents', () => {
  it('catches a server change of a FAL document (3.0, upgraded to 3.1 first)', async () => {
    const [a, b] = edited('fal-nano-banana.json', (d) => {
      set(d, '/servers', [{ url: 'https://queue.fal.ai' }]);
    });
    const r = await diffOpenApi(a, b);
    expect(r.changes).toHaveLength(1);
    expect(r.changes[0]).toMatchObject({ kind: 'server-changed', breaking: true, where: 'servers' });
    expect(r.changes[0]!.message).toMatch(/^servers: url changed from https:\/\/queue\.fal\.run to https:\/\/queue\.fal\.ai; reaches 4 operations/);
  });

  it('catches a path-level server change of the unified document, once', async () => {
    const [a, b] = edited('unified-slice.yaml', (d) => {
      for (const item of Object.values(get<Record<string, Obj>>(d, '/paths'))) item.servers = [{ url: 'https://queue.fal.ai' }];
    });
    const r = await diffOpenApi(a, b);
    expect(r.changes).toHaveLength(1);
    expect(r.changes[0]).toMatchObject({ kind: 'server-changed', provider: 'shared', group: 'servers' });
    expect(r.changes[0]!.operations).toHaveLength(20);
  });

  it('names the property path of a request change: request body output_format: enum value "png" removed', async () => {
    const [a, b] = edited('fal-nano-banana.json', (d) => {
      const input = '/components/schemas/NanoBananaInput';
      set(d, `${input}/properties/output_format/enum`, ['jpeg', 'webp']);
      set(d, `${input}/properties/num_images/type`, 'string');
      set(d, `${input}/properties/seed`, { type: 'integer' });
      get<string[]>(d, `${input}/required`).push('seed');
      set(d, '/components/schemas/ImageFile/properties/url', undefined);
    });
    const r = await diffOpenApi(a, b);
    expect(r.changes.filter((c) => c.breaking).map((c) => `${c.method!.toUpperCase()} ${c.path}: ${c.message}`)).toEqual([
      'POST /fal-ai/nano-banana: request body num_images: type changed from integer to string',
      'POST /fal-ai/nano-banana: request body output_format: enum value "png" removed',
      'POST /fal-ai/nano-banana: request body seed: required property added',
      'GET /fal-ai/nano-banana/requests/{request_id}: response 200 body images[].url: required property removed',
    ]);
    expectEveryLineNamesItsPlace(r);
  });

  it('reports a change to a shared component once, naming it and the operations it reaches', async () => {
    const [a, b] = edited('unified-slice.yaml', (d) => {
      set(d, '/components/schemas/Image/properties/url', undefined);
      set(
        d,
        '/components/schemas/Image/required',
        get<string[]>(d, '/components/schemas/Image/required').filter((x) => x !== 'url'),
      );
    });
    const r = await diffOpenApi(a, b);
    expect(r.changes).toHaveLength(1);
    const c = r.changes[0]!;
    expect(c).toMatchObject({
      kind: 'property-removed',
      breaking: true,
      checkId: 'response-required-property-removed',
      provider: 'shared',
      group: 'schemas/Image',
      where: 'response schema Image',
      property: 'url',
      pointer: '/components/schemas/Image/properties/url',
    });
    expect(c.operations).toEqual([
      'GET /fal-ai/dreamshaper/requests/{request_id}',
      'GET /fal-ai/f-lite/standard/requests/{request_id}',
      'GET /fal-ai/f-lite/texture/requests/{request_id}',
      'GET /fal-ai/fast-fooocus-sdxl/requests/{request_id}',
    ]);
    expect(c.message).toBe(
      'response schema Image url: required property removed; reaches 4 operations: GET /fal-ai/dreamshaper/requests/{request_id}, GET /fal-ai/f-lite/standard/requests/{request_id}, GET /fal-ai/f-lite/texture/requests/{request_id}, … (1 more)',
    );
    expectEveryLineNamesItsPlace(r);
  });

  it('a mixed drift: every text and markdown line names its place; markdown folds the details after the summary table', async () => {
    const [a, b] = edited('unified-slice.yaml', (d) => {
      set(d, '/components/schemas/Image/properties/width', undefined);
      set(d, '/components/schemas/NanoBananaInput/properties/output_format/enum', ['jpeg']);
      get<string[]>(d, '/components/schemas/NanoBananaInput/required').push('aspect_ratio');
      set(d, '/components/schemas/DreamshaperInput/properties/num_inference_steps/maximum', 20);
      set(d, '/components/schemas/DreamshaperInput/properties/extra', { type: 'string' });
      set(d, '/paths/~1fal-ai~1nano-banana/post/security', [{ otherKey: [] }]);
      set(d, '/paths/~1fal-ai~1f-lite~1texture', undefined);
      set(d, '/paths/~1fal-ai~1new-model', get(d, '/paths/~1fal-ai~1f-lite~1standard'));
    });
    const r = await diffOpenApi(a, b);
    expectEveryLineNamesItsPlace(r);
    const md = formatDiffMarkdown(r);
    expect(md.indexOf('| Provider |')).toBeLessThan(md.indexOf('<details>'));
    expect(md.split('<details>').length).toBe(md.split('</details>').length);
    expect(formatDiffGithub(r, 'specs/openapi.yaml', () => ({ line: 7, column: 3 }))).toMatch(
      /^::error file=specs\/openapi\.yaml,line=7,col=3,title=Breaking%3A fal \/ fal-ai\/dreamshaper \(1\)::POST \/fal-ai\/dreamshaper: request body num_inference_steps: maximum lowered from/m,
    );
  });
});

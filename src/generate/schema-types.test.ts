import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloneJson } from '../core/json.js';
import { parseText } from '../core/parse.js';
import { projectRoot } from '../../tests/helpers/cli.js';
import { needsRedoclyPasses } from './schema-check.js';
import { emitSchemaTypes, OPENAPI_TS_OPTIONS } from './schema-types.js';

/** openapi-typescript's own entry, lint and bundle included: what emitSchemaTypes must match byte for byte. */
async function reference(doc: Record<string, unknown>): Promise<string> {
  const oats = createRequire(import.meta.url)('openapi-typescript') as typeof import('openapi-typescript');
  return oats.astToString(await oats.default(cloneJson(doc) as unknown as import('openapi-typescript').OpenAPI3, OPENAPI_TS_OPTIONS));
}

async function load(path: string): Promise<Record<string, unknown>> {
  const parsed = parseText(await readFile(join(projectRoot, path), 'utf8'), path);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return parsed.value.data as Record<string, unknown>;
}

const inline: Array<[string, Record<string, unknown>, 'direct']> = [
  ['no components at all (the bundle adds an empty one)', { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {} }, 'direct'],
  [
    'a discriminator (openapi-typescript rewrites the schemas it maps)',
    {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/pets': {
          get: {
            operationId: 'listPets',
            responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } },
          },
        },
      },
      components: {
        schemas: {
          Pet: {
            oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
            discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' } },
          },
          Cat: { type: 'object', required: ['kind'], properties: { kind: { type: 'string', enum: ['cat'] }, lives: { type: 'integer', default: 9 } } },
          Dog: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' }, good: { type: 'boolean' } } },
        },
      },
    },
    'direct',
  ],
];

const files: Array<[string, 'direct' | 'through Redocly']> = [
  ['tests/fixtures/generate/unified.yaml', 'direct'],
  ['tests/fixtures/validate/valid/train-travel-3.1.json', 'direct'],
  ['tests/fixtures/validate/valid/adyen-3.1.yaml', 'direct'],
  ['tests/fixtures/build-cases/fal-quirks/fal/fal-ai__quirky.json', 'direct'],
];

describe('emitSchemaTypes: the bytes of openapiTS()', () => {
  it.each(inline)('%s', async (_name, doc, path) => {
    expect(needsRedoclyPasses(doc) === undefined ? 'direct' : 'through Redocly').toBe(path);
    const before = JSON.stringify(doc);
    expect(await emitSchemaTypes(doc, '')).toBe(await reference(doc));
    expect(JSON.stringify(doc), 'the given document is not changed').toBe(before);
  });

  it.each(files)('%s', async (path, route) => {
    const doc = await load(path);
    expect(needsRedoclyPasses(doc) === undefined ? 'direct' : 'through Redocly').toBe(route);
    expect(await emitSchemaTypes(doc, '/* h */\n')).toBe(`/* h */\n${await reference(doc)}`);
  });

  it('a document with an unresolved $ref fails as openapiTS() fails', async () => {
    const doc = await load('tests/fixtures/build-cases/fal-quirks/fal/fal-ai__dangling.json');
    expect(needsRedoclyPasses(doc)).toMatch(/^\$ref .* is not a local reference that resolves$/);
    const err = await emitSchemaTypes(doc, '').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain("Can't resolve $ref");
  });

  it('a discriminator mapped by bare names goes through Redocly, and fails as openapiTS() fails', async () => {
    const doc = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {},
      components: {
        schemas: {
          Pet: { oneOf: [{ $ref: '#/components/schemas/Cat' }], discriminator: { propertyName: 'kind', mapping: { cat: 'Cat' } } },
          Cat: { type: 'object' },
        },
      },
    };
    expect(needsRedoclyPasses(doc)).toContain('discriminator mapping "cat"');
    await expect(reference(doc)).rejects.toThrow("Can't resolve $ref at #/components/schemas/Pet/discriminator/mapping/cat");
    await expect(emitSchemaTypes(doc, '')).rejects.toThrow("Can't resolve $ref at #/components/schemas/Pet/discriminator/mapping/cat");
  });

  it('a duplicated operationId fails as openapiTS() fails', async () => {
    const op = (id: string) => ({ get: { operationId: id, responses: { 200: { description: 'ok' } } } });
    const doc = { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/a': op('same'), '/b': op('same') } };
    await expect(emitSchemaTypes(doc, '')).rejects.toThrow(/same/);
  });
});

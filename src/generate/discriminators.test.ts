import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloneJson, isObject } from '../core/json.js';
import { parseText } from '../core/parse.js';
import { projectRoot } from '../../tests/helpers/cli.js';
import { scanDiscriminators } from './discriminators.js';

// The port must do what openapi-typescript 7.13's own scan does: the same result and the same
// rewrites of the document, on every OpenAPI 3.x document of the fixtures and the committed specs.
type Utils = {
  scanDiscriminators(schema: unknown, options: { silent?: boolean }): unknown;
  createRef(path: Array<string | number>): string;
  resolveRef<T>(schema: unknown, ref: string, options: { silent: boolean }): T | undefined;
  warn(message: string, silent?: boolean): void;
};
const utils = createRequire(import.meta.url)('openapi-typescript/dist/lib/utils.cjs') as Utils;

function both(doc: Record<string, unknown>): { original: unknown; ported: unknown; originalDoc: unknown; portedDoc: unknown } {
  const originalDoc = cloneJson(doc);
  const portedDoc = cloneJson(doc) as Record<string, unknown>;
  const original = utils.scanDiscriminators(originalDoc, { silent: true });
  const ported = scanDiscriminators(portedDoc, { silent: true }, utils);
  return { original, ported, originalDoc, portedDoc };
}

function openapiFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) openapiFiles(path, out);
    else if (/\.(json|ya?ml)$/.test(name) && statSync(path).size < 8_000_000) out.push(path);
  }
  return out;
}

const docs = [...openapiFiles(join(projectRoot, 'tests/fixtures')), join(projectRoot, 'specs/providers/openai/openapi.json')]
  .map((path) => {
    const parsed = parseText(readFileSync(path, 'utf8'), path);
    const data = parsed.ok ? parsed.value.data : undefined;
    return { name: relative(projectRoot, path), data };
  })
  .filter(
    (d): d is { name: string; data: Record<string, unknown> } => isObject(d.data) && typeof d.data.openapi === 'string' && d.data.openapi.startsWith('3.'),
  );

describe('scanDiscriminators (port of openapi-typescript 7.13)', () => {
  it('covers documents with discriminators', () => {
    expect(docs.length).toBeGreaterThan(50);
    expect(docs.filter((d) => JSON.stringify(d.data).includes('"discriminator"')).length).toBeGreaterThan(5);
  });

  it('gives the original result and the same rewrites on every OpenAPI 3.x document of the fixtures and on OpenAI’s document', () => {
    for (const { name, data } of docs) {
      let r: ReturnType<typeof both>;
      try {
        r = both(data);
      } catch (err) {
        // A document the original throws on: the port throws too.
        expect(() => utils.scanDiscriminators(cloneJson(data), { silent: true }), name).toThrow();
        expect(() => scanDiscriminators(cloneJson(data) as Record<string, unknown>, { silent: true }, utils), name).toThrow((err as Error).message);
        continue;
      }
      expect(r.ported, name).toEqual(r.original);
      expect(r.portedDoc, name).toEqual(r.originalDoc);
    }
  });

  it('the committed unified document', () => {
    const doc = (JSON.parse(readFileSync(join(projectRoot, 'specs/openapi.index.json'), 'utf8')) as { document: Record<string, unknown> }).document;
    const r = both(doc);
    expect(Object.keys(r.original as object).length).toBeGreaterThan(0);
    expect(r.ported).toEqual(r.original);
    expect(r.portedDoc).toEqual(r.originalDoc);
  });

  it('inheritance through allOf, an explicit mapping, and a mapping to a schema it cannot patch', () => {
    const doc = {
      openapi: '3.1.0',
      components: {
        schemas: {
          Pet: {
            type: 'object',
            required: ['kind'],
            properties: { kind: { type: 'string' } },
            discriminator: { propertyName: 'kind', mapping: { c: '#/components/schemas/Cat', s: '#/components/schemas/Str' } },
          },
          Cat: { allOf: [{ $ref: '#/components/schemas/Pet' }, { type: 'object', properties: { lives: { type: 'integer' } } }] },
          Dog: { allOf: [{ $ref: '#/components/schemas/Pet' }] },
          Str: { type: 'string' },
          Any: { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: 'kind' } },
          Sub: { allOf: [{ discriminator: { propertyName: 'sub' } }] },
          // The original stops at the first $ref that is no discriminator's, and so never sees Pet here.
          Mixed: { allOf: [{ $ref: '#/components/schemas/Str' }, { $ref: '#/components/schemas/Pet' }] },
        },
      },
    };
    const r = both(doc);
    expect(r.ported).toEqual(r.original);
    expect(r.portedDoc).toEqual(r.originalDoc);
    expect(r.portedDoc).not.toEqual(doc);
    expect(Object.keys((r.ported as { objects: object }).objects)).not.toContain('#/components/schemas/Mixed');
  });
});

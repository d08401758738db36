import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parseDocument } from 'yaml';
import { describe, it, expect } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const specPath = join(root, 'specs', 'providers', 'comet', 'openapi.yaml');

type Json = Record<string, unknown>;
/** The argument type SwaggerParser.validate/dereference accept, without importing openapi-types directly. */
type ApiDocument = Exclude<Parameters<typeof SwaggerParser.validate>[1], string>;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rec(value: unknown, where: string): Json {
  if (!isRecord(value)) throw new Error(`${where}: expected an object`);
  return value;
}

/** Walk a path of keys through nested objects; throws with the path when a step is missing. */
function at(value: unknown, ...keys: string[]): unknown {
  let cur: unknown = value;
  const seen: string[] = [];
  for (const key of keys) {
    seen.push(key);
    cur = rec(cur, seen.slice(0, -1).join('/') || '(root)')[key];
    if (cur === undefined) throw new Error(`missing ${seen.join('/')}`);
  }
  return cur;
}

function loadSpec(): Json {
  const text = readFileSync(specPath, 'utf8');
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  const first = doc.errors[0];
  if (first) throw new Error(`invalid YAML: ${first.message}`);
  return rec(doc.toJS({ maxAliasCount: 1000 }), 'document');
}

interface Operation {
  path: string;
  method: string;
  op: Json;
}

function operations(spec: Json): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(rec(spec['paths'], 'paths'))) {
    const pathItem = rec(item, path);
    for (const method of HTTP_METHODS) {
      const op = pathItem[method];
      if (op !== undefined) out.push({ path, method, op: rec(op, `${method} ${path}`) });
    }
  }
  return out;
}

interface ExampleCase {
  where: string;
  schema: Json;
  value: unknown;
}

/** Every media-type and parameter example of a (dereferenced) document, with the schema it must satisfy. */
function examples(spec: Json): ExampleCase[] {
  const out: ExampleCase[] = [];
  const fromContent = (content: unknown, where: string): void => {
    if (!isRecord(content)) return;
    for (const [mediaType, mt] of Object.entries(content)) {
      const media = rec(mt, `${where} ${mediaType}`);
      const schema = rec(media['schema'], `${where} ${mediaType} schema`);
      if ('example' in media) out.push({ where: `${where} ${mediaType} example`, schema, value: media['example'] });
      if (isRecord(media['examples'])) {
        for (const [name, ex] of Object.entries(media['examples'])) {
          out.push({ where: `${where} ${mediaType} examples/${name}`, schema, value: rec(ex, name)['value'] });
        }
      }
    }
  };
  for (const { path, method, op } of operations(spec)) {
    const where = `${method.toUpperCase()} ${path}`;
    if (isRecord(op['requestBody'])) fromContent(op['requestBody']['content'], `${where} request`);
    for (const [status, response] of Object.entries(rec(op['responses'], `${where} responses`))) {
      fromContent(rec(response, `${where} ${status}`)['content'], `${where} ${status}`);
    }
    if (Array.isArray(op['parameters'])) {
      for (const p of op['parameters']) {
        const param = rec(p, `${where} parameter`);
        if ('example' in param) {
          out.push({ where: `${where} parameter ${String(param['name'])}`, schema: rec(param['schema'], 'parameter schema'), value: param['example'] });
        }
      }
    }
  }
  return out;
}

function newAjv(): Ajv2020 {
  // strict: false lets OpenAPI/extension keywords (x-hub-*, discriminator, ...) through as annotations.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  // ajv-formats is CommonJS: under NodeNext the default import is module.exports, whose `default` is the plugin.
  addFormats.default(ajv);
  return ajv;
}

const REQUIRED_OPERATIONS: ReadonlyArray<readonly [string, string]> = [
  ['/api/models', 'get'],
  ['/mj/submit/imagine', 'post'],
  ['/mj/task/{id}/fetch', 'get'],
  ['/mj/submit/action', 'post'],
  ['/suno/fetch', 'post'],
  ['/kling/v1/videos/text2video', 'post'],
  ['/runwayml/v1/image_to_video', 'post'],
];

describe('specs/providers/comet/openapi.yaml', () => {
  const spec = loadSpec();
  const ops = operations(spec);

  it('is OpenAPI 3.1.0 with the Comet server and a license', () => {
    expect(spec['openapi']).toBe('3.1.0');
    expect(at(spec, 'servers')).toEqual([expect.objectContaining({ url: 'https://api.cometapi.com' })]);
    expect(typeof at(spec, 'info', 'title')).toBe('string');
    expect(typeof at(spec, 'info', 'version')).toBe('string');
    expect(typeof at(spec, 'info', 'description')).toBe('string');
    expect(typeof at(spec, 'info', 'license', 'name')).toBe('string');
  });

  it('has every required path and method', () => {
    const present = new Set(ops.map((o) => `${o.method} ${o.path}`));
    for (const [path, method] of REQUIRED_OPERATIONS) {
      expect(present, `${method.toUpperCase()} ${path}`).toContain(`${method} ${path}`);
    }
  });

  it('gives every operation a comet-prefixed operationId, a summary, declared tags and an x-apidog-folder', () => {
    const declaredTags = new Map<string, unknown>();
    for (const t of at(spec, 'tags') as unknown[]) {
      const tag = rec(t, 'tag');
      declaredTags.set(String(tag['name']), tag['description']);
    }
    for (const [name, description] of declaredTags) {
      expect(typeof description === 'string' && description.length > 0, `tag ${name} has a description`).toBe(true);
    }
    for (const { path, method, op } of ops) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(op['operationId'], where).toMatch(/^comet[A-Z][A-Za-z0-9]*$/);
      expect(typeof op['summary'] === 'string' && op['summary'].length > 0, `${where} summary`).toBe(true);
      const tags = op['tags'];
      expect(Array.isArray(tags) && tags.length > 0, `${where} tags`).toBe(true);
      for (const tag of tags as unknown[]) expect(declaredTags.has(String(tag)), `${where} tag ${String(tag)} declared`).toBe(true);
      expect(op['x-apidog-folder'], where).toMatch(/^Comet\/[a-z][a-z0-9-]*$/);
    }
  });

  it('has unique operationIds', () => {
    const ids = ops.map((o) => o.op['operationId']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses component names that match ^[a-zA-Z0-9._-]+$', () => {
    for (const [section, map] of Object.entries(rec(spec['components'], 'components'))) {
      for (const name of Object.keys(rec(map, section))) expect(name, `${section}/${name}`).toMatch(/^[a-zA-Z0-9._-]+$/);
    }
  });

  it('defines cometBearer, applies it at top level, and leaves /api/models public', () => {
    expect(at(spec, 'components', 'securitySchemes', 'cometBearer')).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(spec['security']).toEqual([{ cometBearer: [] }]);
    expect(at(spec, 'paths', '/api/models', 'get', 'security')).toEqual([]);
  });

  it('leaves the OpenAI-format routes to the import from OpenAI\u2019s document (api-hub.config.yaml), and lists no model enum', () => {
    const paths = Object.keys(rec(spec['paths'], 'paths'));
    for (const p of ['/v1/chat/completions', '/v1/responses', '/v1/embeddings', '/v1/images/generations', '/v1/models', '/v1/videos'])
      expect(paths, p).not.toContain(p);
    expect(JSON.stringify(spec)).not.toContain('x-hub-known-values');
  });

  it('reuses shared 400/401/429/500 responses; 429 documents an optional Retry-After', () => {
    const responses = rec(at(spec, 'components', 'responses'), 'components/responses');
    for (const name of ['BadRequest', 'Unauthorized', 'TooManyRequests', 'InternalServerError']) {
      expect(at(responses, name, 'content', 'application/json', 'schema', '$ref'), name).toBe('#/components/schemas/ErrorResponse');
    }
    const retryAfter = at(responses, 'TooManyRequests', 'headers', 'Retry-After', '$ref');
    expect(retryAfter).toBe('#/components/headers/Retry-After');
    expect(at(spec, 'components', 'headers', 'Retry-After', 'required')).toBe(false);
    expect(at(spec, 'components', 'schemas', 'ErrorResponse', 'properties', 'error', 'properties')).toMatchObject({
      message: expect.anything(),
      type: expect.anything(),
      code: expect.anything(),
    });
    for (const { path, method, op } of ops) {
      const r = rec(op['responses'], `${method} ${path}`);
      expect(at(r, '429', '$ref'), `${method} ${path}`).toBe('#/components/responses/TooManyRequests');
      expect(at(r, '500', '$ref'), `${method} ${path}`).toBe('#/components/responses/InternalServerError');
      // A body can be rejected (400); an authenticated call can be refused (401).
      if (op['requestBody'] !== undefined) expect(at(r, '400', '$ref'), `${method} ${path}`).toBe('#/components/responses/BadRequest');
      const security = op['security'] ?? spec['security'];
      if (Array.isArray(security) && security.length > 0) {
        expect(at(r, '401', '$ref'), `${method} ${path}`).toBe('#/components/responses/Unauthorized');
      }
    }
  });

  it('requires the X-Runway-Version header on Runway image-to-video', () => {
    const params = at(spec, 'paths', '/runwayml/v1/image_to_video', 'post', 'parameters') as unknown[];
    const header = params.map((p) => rec(p, 'parameter')).find((p) => p['in'] === 'header' && p['name'] === 'X-Runway-Version');
    expect(header).toMatchObject({ required: true, schema: { type: 'string' } });
  });

  it('has examples that are valid against their schemas (media types, parameters, schema-level examples, SSE chunks)', async () => {
    const deref = rec(await SwaggerParser.dereference(structuredClone(spec) as ApiDocument), 'dereferenced');
    const ajv = newAjv();
    const cases = examples(deref);
    expect(cases.length).toBeGreaterThan(5);
    for (const c of cases) {
      const validate = ajv.compile(c.schema);
      expect(validate(c.value), `${c.where}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
    // Schema-level `examples` of every component schema and of its direct properties.
    for (const [name, s] of Object.entries(rec(at(deref, 'components', 'schemas'), 'schemas'))) {
      const schema = rec(s, name);
      const withExamples: Array<[string, Json]> = [[name, schema]];
      if (isRecord(schema['properties'])) {
        for (const [prop, ps] of Object.entries(schema['properties'])) withExamples.push([`${name}.${prop}`, rec(ps, prop)]);
      }
      for (const [where, sch] of withExamples) {
        if (!Array.isArray(sch['examples'])) continue;
        const validate = ajv.compile(sch);
        for (const value of sch['examples'] as unknown[]) {
          expect(validate(value), `${where} example ${JSON.stringify(value)}: ${ajv.errorsText(validate.errors)}`).toBe(true);
        }
      }
    }
  });

  it('is accepted by swagger-parser validate()', async () => {
    await expect(SwaggerParser.validate(structuredClone(spec) as ApiDocument)).resolves.toBeDefined();
  });
});

import { describe, it, expect } from 'vitest';
import { bundleFileSet, loadFileSet } from './index.js';
import { resolvePointer } from '../../core/pointer.js';

/** An in-memory multi-file description under /spec. */
async function bundle(files: Record<string, string>, family: '2.0' | '3.x' = '3.x', root = '/spec/openapi.yaml') {
  const read = async (loc: string) => {
    const text = files[loc];
    if (text === undefined) throw new Error('file not found');
    return text;
  };
  const { set, problems } = await loadFileSet(root, { read, confine: '/spec', display: (l) => l.replace('/spec/', '') });
  return { ...bundleFileSet(set, family, { confine: '/spec' }), problems };
}

const ROOT = `
openapi: 3.0.3
info: { title: t, version: '1' }
tags:
  - name: Things
    description: { $ref: 'descriptions.yaml#/things' }
paths:
  /things:
    get:
      $ref: 'ops/list-things.yaml'
  /nodes:
    get:
      responses:
        '200': { $ref: 'responses/nodes.yaml' }
        default: { $ref: 'responses/error.yaml' }
components:
  schemas:
    Local: { type: string }
`;

const FILES: Record<string, string> = {
  '/spec/openapi.yaml': ROOT,
  '/spec/descriptions.yaml': 'things: Things you can list.\n',
  '/spec/ops/list-things.yaml': `
operationId: listThings
parameters: [{ $ref: '../parameters.yaml#/limit' }]
responses:
  '200':
    description: ok
    content:
      application/json:
        schema: { $ref: '../models/thing.yaml' }
        examples:
          one: { $ref: '../examples.yaml#/one' }
  default: { $ref: '../responses/error.yaml' }
`,
  '/spec/parameters.yaml': 'limit: { name: limit, in: query, schema: { type: integer } }\n',
  '/spec/examples.yaml': 'one: { value: { id: 1, $ref: "literal data stays" } }\n',
  '/spec/models/thing.yaml': `
type: object
properties:
  id: { type: integer }
  kind: { $ref: '#/$defs/Kind' }
  local: { $ref: '../openapi.yaml#/components/schemas/Local' }
  pet:
    oneOf: [{ $ref: 'cat.yaml' }, { $ref: 'dog.yaml' }]
    discriminator: { propertyName: type, mapping: { cat: cat.yaml, dog: dog.yaml } }
$defs:
  Kind: { type: string, enum: [a, b] }
`,
  '/spec/models/cat.yaml': 'type: object\nproperties: { type: { type: string }, friend: { $ref: "dog.yaml" } }\n',
  '/spec/models/dog.yaml': 'type: object\nproperties: { type: { type: string }, friend: { $ref: "cat.yaml" } }\n',
  '/spec/models/node.yaml': 'type: object\nproperties: { next: { $ref: "#" }, children: { type: array, items: { $ref: "node.yaml" } } }\n',
  '/spec/responses/nodes.yaml': "description: nodes\ncontent: { application/json: { schema: { $ref: '../models/node.yaml' } } }\n",
  '/spec/responses/error.yaml': "description: error\ncontent: { application/json: { schema: { $ref: '../models/error.yaml' } } }\n",
  '/spec/models/error.yaml': 'type: object\nproperties: { message: { type: string } }\n',
};

describe('bundleFileSet', () => {
  it('places referenced schemas, responses, parameters and examples in components and inlines the rest', async () => {
    const r = await bundle(FILES);
    expect(r.problems).toEqual([]);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const d = r.document;
    // $ref directly under an operation (DigitalOcean style) is inlined, and reported.
    expect(resolvePointer(d, '/paths/~1things/get/operationId')).toBe('listThings');
    expect(r.findings.find((f) => f.ruleId === 'bundle-operation-ref')?.message).toContain('1 $ref');
    // A description given by $ref is inlined as the string.
    expect(resolvePointer(d, '/tags/0/description')).toBe('Things you can list.');
    expect(resolvePointer(d, '/paths/~1things/get/parameters/0/$ref')).toBe('#/components/parameters/limit');
    expect(resolvePointer(d, '/paths/~1things/get/responses/200/content/application~1json/schema/$ref')).toBe('#/components/schemas/thing');
    expect(resolvePointer(d, '/paths/~1things/get/responses/200/content/application~1json/examples/one/$ref')).toBe('#/components/examples/one');
    // Literal data inside an example value is not a reference.
    expect(resolvePointer(d, '/components/examples/one/value/$ref')).toBe('literal data stays');
    // The same file referenced from two places is one component; the default response is not data.
    expect(resolvePointer(d, '/paths/~1nodes/get/responses/default/$ref')).toBe('#/components/responses/error');
    expect(resolvePointer(d, '/paths/~1things/get/responses/default/$ref')).toBe('#/components/responses/error');
    // A ref back into the root document becomes a local ref; a local ref inside another file is resolved there.
    expect(resolvePointer(d, '/components/schemas/thing/properties/local/$ref')).toBe('#/components/schemas/Local');
    expect(resolvePointer(d, '/components/schemas/thing/properties/kind/$ref')).toBe('#/components/schemas/Kind');
    expect(resolvePointer(d, '/components/schemas/Local')).toEqual({ type: 'string' });
  });

  it('bundles circular references between files and to the file itself', async () => {
    const d = (await bundle(FILES)).document;
    expect(resolvePointer(d, '/components/schemas/cat/properties/friend/$ref')).toBe('#/components/schemas/dog');
    expect(resolvePointer(d, '/components/schemas/dog/properties/friend/$ref')).toBe('#/components/schemas/cat');
    expect(resolvePointer(d, '/components/schemas/node/properties/next/$ref')).toBe('#/components/schemas/node');
    expect(resolvePointer(d, '/components/schemas/node/properties/children/items/$ref')).toBe('#/components/schemas/node');
  });

  it('rewrites discriminator mappings that name other files', async () => {
    const d = (await bundle(FILES)).document;
    expect(resolvePointer(d, '/components/schemas/thing/properties/pet/discriminator/mapping')).toEqual({
      cat: '#/components/schemas/cat',
      dog: '#/components/schemas/dog',
    });
  });

  it('names clashing components deterministically, whatever the traversal order', async () => {
    const files = {
      '/spec/openapi.yaml':
        "openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths:\n  /b: { get: { responses: { '200': { description: ok, content: { application/json: { schema: { $ref: 'b/item.yaml' } } } } } } }\n  /a: { get: { responses: { '200': { description: ok, content: { application/json: { schema: { $ref: 'a/item.yaml' } } } } } } }\n",
      '/spec/a/item.yaml': 'type: string\n',
      '/spec/b/item.yaml': 'type: integer\n',
    };
    const d = (await bundle(files)).document;
    expect(resolvePointer(d, '/components/schemas/item')).toEqual({ type: 'string' });
    expect(resolvePointer(d, '/components/schemas/item_2')).toEqual({ type: 'integer' });
    expect(resolvePointer(d, '/paths/~1b/get/responses/200/content/application~1json/schema/$ref')).toBe('#/components/schemas/item_2');
  });

  it('puts 2.0 targets in definitions, parameters and responses', async () => {
    const files = {
      '/spec/swagger.yaml':
        "swagger: '2.0'\ninfo: { title: t, version: '1' }\npaths:\n  /a:\n    get:\n      parameters: [{ $ref: 'common.yaml#/parameters/q' }]\n      responses: { '200': { description: ok, schema: { $ref: 'common.yaml#/definitions/A' } } }\n",
      '/spec/common.yaml': 'parameters: { q: { name: q, in: query, type: string } }\ndefinitions: { A: { type: object } }\n',
    };
    const d = (await bundle(files, '2.0', '/spec/swagger.yaml')).document;
    expect(resolvePointer(d, '/paths/~1a/get/parameters/0/$ref')).toBe('#/parameters/q');
    expect(resolvePointer(d, '/paths/~1a/get/responses/200/schema/$ref')).toBe('#/definitions/A');
    expect(resolvePointer(d, '/definitions/A')).toEqual({ type: 'object' });
  });

  it('reports what it cannot resolve, and refs that leave the allowed directory', async () => {
    const files = {
      '/spec/openapi.yaml':
        "openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths:\n  /a: { get: { responses: { '200': { $ref: 'missing.yaml' }, '201': { $ref: '../outside.yaml' }, '202': { $ref: 'r.yaml#/nope' } } } }\n",
      '/spec/r.yaml': 'x: 1\n',
      '/outside.yaml': 'description: secret\n',
    };
    const r = await bundle(files);
    const messages = r.findings.filter((f) => f.ruleId === 'bundle-unresolved-ref').map((f) => f.message);
    expect(messages).toHaveLength(3);
    expect(messages.join('\n')).toContain('file not found');
    expect(messages.join('\n')).toContain('outside the directory');
    expect(messages.join('\n')).toContain('nothing at #/nope');
  });

  it('reports a cycle through inlined objects instead of looping', async () => {
    const files = {
      '/spec/openapi.yaml': "openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths:\n  /a: { $ref: 'item.yaml' }\n",
      '/spec/item.yaml': "get: { responses: { '200': { description: ok } } }\nx-self: { $ref: 'item.yaml' }\n",
    };
    const r = await bundle(files);
    expect(r.findings.map((f) => f.ruleId)).toContain('bundle-circular-ref');
  });
});

import { describe, it, expect } from 'vitest';
import { parse } from 'yaml';
import { selectPaths } from './select-paths.js';

const DOC = `
paths:
  /chat/completions:
    parameters: [{ $ref: '#/components/parameters/Org' }]
    get: { responses: { '200': { content: { application/json: { schema: { $ref: '#/components/schemas/List' } } } } } }
    post: { responses: { '200': { content: { application/json: { schema: { $ref: '#/components/schemas/Chat' } } } } } }
  /models: { get: { responses: { '200': { content: { application/json: { schema: { $ref: '#/components/schemas/Model' } } } } } } }
  /files: { get: { responses: { '200': { $ref: '#/components/responses/Files' } } } }
webhooks:
  done: { post: { responses: { '200': { description: ok } } } }
components:
  securitySchemes: { key: { type: http, scheme: bearer } }
  parameters: { Org: { name: org, in: header, schema: { type: string } } }
  responses: { Files: { description: files } }
  schemas:
    Chat: { oneOf: [{ $ref: '#/components/schemas/Msg' }], discriminator: { propertyName: role, mapping: { user: '#/components/schemas/User' } } }
    Msg: { type: object }
    User: { type: object }
    List: { type: array }
    Model: { type: object }
`;

describe('selectPaths', () => {
  it.each([
    [
      'one method of a path, and a whole path',
      ['POST /chat/completions', '/models'],
      ['POST /chat/completions', 'GET /models'],
      ['Chat', 'Msg', 'Model', 'User'],
      2,
    ],
    ['a whole path with two methods', ['/chat/completions'], ['GET /chat/completions', 'POST /chat/completions'], ['Chat', 'Msg', 'User', 'List'], 2],
    ['lower-case methods', ['get /models'], ['GET /models'], ['Model'], 3],
  ])('%s', (_name, entries, kept, schemas, dropped) => {
    const doc = parse(DOC) as Record<string, unknown>;
    const sel = selectPaths(doc, entries);
    expect(sel.kept).toEqual(kept);
    expect(sel.dropped).toBe(dropped);
    expect(sel.missing).toEqual([]);
    expect(sel.webhooks).toBe(1);
    expect(doc.webhooks).toBeUndefined();
    const comps = doc.components as Record<string, Record<string, unknown>>;
    // Components only the dropped operations reach are gone (mapping targets count as reached); security schemes stay.
    expect(Object.keys(comps.schemas!).sort()).toEqual([...schemas].sort());
    expect(comps.responses).toBeUndefined();
    expect(Object.keys(comps.securitySchemes!)).toEqual(['key']);
  });

  it('keeps the path-level parameters of a kept path, and says which entries name nothing', () => {
    const doc = parse(DOC) as Record<string, unknown>;
    const sel = selectPaths(doc, ['POST /chat/completions', 'DELETE /models', '/gone']);
    expect(sel.missing).toEqual(['DELETE /models', '/gone']);
    // A path none of whose operations is kept goes too.
    expect(Object.keys(doc.paths as object)).toEqual(['/chat/completions']);
    expect(Object.keys((doc.components as Record<string, object>).parameters!)).toEqual(['Org']);
  });
});

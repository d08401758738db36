import { describe, it, expect } from 'vitest';
import { from32 } from './from-32.js';
import { runPass } from './test-helpers.js';

describe('from-3.2', () => {
  it('keeps 3.2-only fields as x- extensions and reads the document as 3.1', () => {
    const { doc, findings } = runPass(
      from32,
      `
openapi: 3.2.0
$self: https://example.com/openapi
paths:
  /search:
    query: { responses: { '200': { description: ok, summary: Found } } }
    get:
      parameters: [{ name: q, in: querystring, content: { application/x-www-form-urlencoded: { schema: { type: object } } } }, { name: p, in: query }]
      responses: { '200': { description: ok, content: { application/jsonl: { itemSchema: { type: object } } } } }
`,
    );
    expect(doc.openapi).toBe('3.1.0');
    expect(doc['x-self']).toBe('https://example.com/openapi');
    expect(doc).toMatchObject({
      paths: {
        '/search': { 'x-query': { responses: { '200': { summary: 'Found' } } }, get: { parameters: [{ name: 'p' }], 'x-querystring': [{ name: 'q' }] } },
      },
    });
    expect((doc as { paths: Record<string, Record<string, unknown>> }).paths['/search']!.query).toBeUndefined();
    expect(findings.filter((f) => f.severity === 'warn').map((f) => f.pointer)).toEqual(['/paths/~1search/query', '/paths/~1search/get/parameters']);
    expect(findings.map((f) => f.pointer)).toContain('/paths/~1search/get/responses/200/content/application~1jsonl/itemSchema');
  });

  it('leaves other versions alone', () => {
    expect(runPass(from32, 'openapi: 3.1.0\npaths: {}\n').findings).toEqual([]);
  });
});

import { describe, it, expect } from 'vitest';
import { operationIdUrlSafe } from './operation-id-url-safe.js';
import { runPass } from './test-helpers.js';

describe('operation-id-url-safe', () => {
  it('rewrites path-like operationIds (Swagger-era Yelp) and keeps them unique', () => {
    const { doc, findings } = runPass(
      operationIdUrlSafe,
      `
paths:
  /businesses/search: { get: { operationId: /businesses/search } }
  /businesses/{id}: { get: { operationId: '/businesses/{id}' }, put: { operationId: businessesId } }
  /ok: { get: { operationId: fine_id-1.v2 } }
`,
    );
    expect(doc).toMatchObject({
      paths: {
        '/businesses/search': { get: { operationId: 'businessesSearch' } },
        '/businesses/{id}': { get: { operationId: 'businessesId_2' }, put: { operationId: 'businessesId' } },
        '/ok': { get: { operationId: 'fine_id-1.v2' } },
      },
    });
    expect(findings).toHaveLength(2);
  });
});

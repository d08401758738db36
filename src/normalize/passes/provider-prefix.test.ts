import { describe, it, expect } from 'vitest';
import { providerPrefix } from './provider-prefix.js';
import { runPass } from './test-helpers.js';

const DOC = `
paths:
  /v1/models: { get: { operationId: listModels, x-hub-source: { provider: acme }, responses: { '200': { description: ok, links: { next: { operationId: getModel } } } } } }
  /v1/models/{id}: { get: { operationId: getModel, responses: { '200': { description: ok } } } }
`;
const conflicts = { paths: new Set(['/v1/models']), operationIds: new Set(['getModel']) };

describe('provider-prefix', () => {
  it('prefixes only what clashes with another provider (default scope), keeping the real path', () => {
    const { doc, findings } = runPass(providerPrefix('acme', { pathPrefix: '/acme', operationIdPrefix: 'acme_' }, conflicts), DOC, { provider: 'acme' });
    expect(Object.keys(doc.paths as object)).toEqual(['/acme/v1/models', '/v1/models/{id}']);
    expect(doc).toMatchObject({
      paths: {
        '/acme/v1/models': {
          get: {
            operationId: 'listModels',
            'x-hub-source': { provider: 'acme', path: '/v1/models' },
            responses: { '200': { links: { next: { operationId: 'acme_getModel' } } } },
          },
        },
        '/v1/models/{id}': { get: { operationId: 'acme_getModel' } },
      },
    });
    expect(findings.map((f) => f.ruleId)).toEqual(['provider-prefix', 'provider-prefix']);
  });

  it('prefixes everything with scope all', () => {
    const { doc } = runPass(providerPrefix('acme', { pathPrefix: '/acme', prefixScope: 'all' }, conflicts), DOC, { provider: 'acme' });
    expect(Object.keys(doc.paths as object)).toEqual(['/acme/v1/models', '/acme/v1/models/{id}']);
  });
});

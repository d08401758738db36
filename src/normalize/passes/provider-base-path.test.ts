import { describe, it, expect } from 'vitest';
import { providerBasePath } from './provider-base-path.js';
import { runPass } from './test-helpers.js';

const DOC = `
paths:
  /chat/completions: { post: { operationId: a, x-hub-source: { provider: comet, file: o.yaml } } }
  /models: { get: { operationId: b } }
`;

describe('provider-base-path', () => {
  it('prepends the base path to every path and keeps the document’s own in x-hub-source.path', () => {
    const { doc, findings } = runPass(providerBasePath('comet', 'openai', '/v1'), DOC, { provider: 'comet', sourceId: 'openai' });
    expect(Object.keys(doc.paths as object)).toEqual(['/v1/chat/completions', '/v1/models']);
    expect(doc).toMatchObject({
      paths: { '/v1/chat/completions': { post: { 'x-hub-source': { provider: 'comet', file: 'o.yaml', path: '/chat/completions' } } } },
    });
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'provider-base-path', message: '2 path(s) prefixed with the base path /v1' })]);
  });

  it('leaves the provider’s other sources alone', () => {
    const { doc, findings } = runPass(providerBasePath('comet', 'openai', '/v1'), DOC, { provider: 'comet', sourceId: 'comet' });
    expect(Object.keys(doc.paths as object)).toEqual(['/chat/completions', '/models']);
    expect(findings).toEqual([]);
  });
});

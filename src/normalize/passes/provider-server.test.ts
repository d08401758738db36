import { describe, it, expect } from 'vitest';
import { providerServer } from './provider-server.js';
import { runPass } from './test-helpers.js';

describe('provider-server', () => {
  it('replaces the document and path servers with the configured one', () => {
    const { doc, findings } = runPass(
      providerServer('acme', 'https://gw.example.com/acme'),
      'servers: [{ url: "http://localhost" }]\npaths: { /a: { servers: [{ url: "http://x" }], get: {} } }\n',
      { provider: 'acme' },
    );
    expect(doc.servers).toEqual([{ url: 'https://gw.example.com/acme' }]);
    expect(doc).toEqual({ servers: [{ url: 'https://gw.example.com/acme' }], paths: { '/a': { get: {} } } });
    expect(findings[0]!.message).toContain('declared 1, and 1 path(s) their own');
  });
});

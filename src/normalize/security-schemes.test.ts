import { describe, it, expect } from 'vitest';
import { parse } from 'yaml';
import { mergeSecuritySchemes } from './security-schemes.js';
import type { SourceDocument } from './types.js';

const src = (provider: string, yaml: string): SourceDocument => ({
  provider,
  sourceId: provider,
  file: `${provider}.yaml`,
  sha256: 'x',
  doc: parse(yaml) as Record<string, unknown>,
});

describe('mergeSecuritySchemes', () => {
  it('shares identical schemes and renames clashing ones, rewriting security requirements', () => {
    const bearer = { type: 'http', scheme: 'bearer' };
    const a = src(
      'acme',
      'paths: { /a: { get: { security: [{ auth: [] }, { bearer: [] }] } } }\ncomponents: { securitySchemes: { auth: { type: apiKey, in: header, name: X-Key }, bearer: { type: http, scheme: bearer } } }\n',
    );
    const r = mergeSecuritySchemes({ auth: { type: 'oauth2', flows: {} }, bearer }, [a]);
    expect(Object.keys(r.schemes).sort()).toEqual(['acme_auth', 'auth', 'bearer']);
    expect(r.renames).toEqual([{ section: 'securitySchemes', from: 'auth', to: 'acme_auth', sources: ['acme'] }]);
    expect(a.doc).toEqual({ paths: { '/a': { get: { security: [{ acme_auth: [] }, { bearer: [] }] } } }, components: {} });
  });
});

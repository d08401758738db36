import { describe, expect, it } from 'vitest';
import { formatRuleCatalog, ruleCatalog } from './catalog.js';

describe('the rule catalog (--list-rules)', () => {
  const entries = ruleCatalog();
  const byId = new Map(entries.map((e) => [e.id, e]));
  it.each([
    // id, api-hub default, minimal, recommended, all, Redocly
    ['struct', 'error', 'error', 'error', 'error', 'yes'],
    ['operation-4xx-response', 'off', 'off', 'warn', 'error', 'yes'],
    ['operation-tag-defined', 'off', 'off', 'off', 'error', 'yes'],
    ['no-path-trailing-slash', 'warn', 'warn', 'error', 'error', 'yes'],
    ['nullable-type-sibling', 'warn', 'warn', 'error', 'error', 'yes'],
    ['no-nullable-in-3.1', 'warn', 'error', 'error', 'error', 'via struct'],
    ['operation-security-defined', 'off', 'warn', 'error', 'error', 'via security-defined'],
    ['ref-outside-root', 'error', 'error', 'error', 'error', 'no'],
    ['no-duplicated-tag-names', 'error', 'off', 'warn', 'error', 'yes'],
    ['no-illogical-composition-keywords', 'warn', 'off', 'warn', 'error', 'yes'],
  ])('%s', (id, hub, minimal, recommended, all, redocly) => {
    expect(byId.get(id)).toMatchObject({ hub, presets: { minimal, recommended, all }, redocly, implemented: true });
  });
  it('per-version settings where Redocly differs by version', () => {
    expect(byId.get('no-server-variables-empty-enum')?.presets.recommended).toBe('error');
    expect(byId.get('spec-ref-siblings')?.presets.minimal).toBe('off');
  });
  it("lists Redocly's rules api-hub does not run, as not implemented", () => {
    expect(byId.get('operation-4xx-problem-details-rfc7807')).toMatchObject({ implemented: false, hub: '-', redocly: 'yes' });
    expect(byId.get('paths-kebab-case')).toMatchObject({ implemented: false });
    expect(formatRuleCatalog(entries)).toMatch(/^operation-4xx-problem-details-rfc7807 +not implemented +off +off +error +yes$/m);
  });
  it("implements every rule of Redocly's recommended preset", () => {
    expect(entries.filter((e) => !e.implemented && !/^off$/.test(e.presets.recommended)).map((e) => e.id)).toEqual([]);
  });
});

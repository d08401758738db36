import { describe, expect, it } from 'vitest';
import { isAllowed, parseAllowlist } from './allowlist.js';
import type { SecretFinding } from './types.js';

const finding = (over: Partial<SecretFinding> = {}): SecretFinding => ({
  file: 'tests/fixtures/a.yaml',
  line: 3,
  column: 1,
  rule: 'generic-secret',
  label: 'x',
  excerpt: 'x',
  fingerprint: '0123456789ab',
  ...over,
});

describe('parseAllowlist', () => {
  it('reads entries with a reason', () => {
    expect(
      parseAllowlist({
        allow: [
          { fingerprint: '0123456789ab', reason: 'doc example' },
          { path: 'tests/', rule: 'generic-secret', reason: 'fixtures' },
        ],
      }),
    ).toEqual([
      { fingerprint: '0123456789ab', reason: 'doc example' },
      { path: 'tests/', rule: 'generic-secret', reason: 'fixtures' },
    ]);
    expect(parseAllowlist(null)).toEqual([]);
    expect(parseAllowlist({ allow: null })).toEqual([]);
  });

  it.each([
    ['no reason', { allow: [{ fingerprint: '0123456789ab' }] }, /needs a 'reason'/],
    ['neither fingerprint nor path', { allow: [{ reason: 'why' }] }, /give a 'fingerprint', a 'path', or both/],
    ['a bad fingerprint', { allow: [{ fingerprint: 'sk-abc', reason: 'why' }] }, /12 hex digits/],
    ['a list at the top', [], /expected a mapping/],
    ['an entry that is not a mapping', { allow: ['x'] }, /allow\[0\]: expected a mapping/],
  ] as const)('refuses %s', (_n, data, message) => {
    expect(() => parseAllowlist(data)).toThrow(message);
  });
});

describe('isAllowed', () => {
  it.each([
    ['the fingerprint', { fingerprint: '0123456789ab', reason: 'r' }, true],
    ['another fingerprint', { fingerprint: 'ffffffffffff', reason: 'r' }, false],
    ['a path prefix', { path: 'tests/', reason: 'r' }, true],
    ['a glob', { path: 'tests/**/*.yaml', reason: 'r' }, true],
    ['a glob of another extension', { path: 'tests/**/*.json', reason: 'r' }, false],
    ['the exact path and rule', { path: 'tests/fixtures/a.yaml', rule: 'generic-secret', reason: 'r' }, true],
    ['the path with another rule', { path: 'tests/fixtures/a.yaml', rule: 'fal-key', reason: 'r' }, false],
    ['fingerprint and another path', { fingerprint: '0123456789ab', path: 'src/', reason: 'r' }, false],
  ] as const)('%s → %s', (_n, entry, want) => {
    expect(isAllowed(finding(), [entry])).toBe(want);
  });
});

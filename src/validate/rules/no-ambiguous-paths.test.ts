import { describe, expect, it } from 'vitest';
import { noAmbiguousPaths } from './no-ambiguous-paths.js';
import { runRule } from './rule-test-helper.js';

const doc = (...paths: string[]): string => `openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n${paths.map((p) => `  ${p}: {}\n`).join('')}`;

describe('no-ambiguous-paths', () => {
  it.each([
    [['/a/{x}', '/{y}/b'], ['/paths/~1{y}~1b']],
    [['/a/{x}', '/a/b'], []], // a literal segment wins: not ambiguous in Redocly's sense (different variable counts)
    [['/a/{x}', '/a/{y}'], []], // identical: the other rule
    [['/a/{x}/c', '/a/b/{y}'], ['/paths/~1a~1b~1{y}']],
  ])('%j', async (paths, want) => {
    const hits = await runRule(noAmbiguousPaths, doc(...paths));
    expect(hits.map((h) => h.pointer)).toEqual(want);
    expect(hits.every((h) => h.severity === 'warn')).toBe(true);
  });
});

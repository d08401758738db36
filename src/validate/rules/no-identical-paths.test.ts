import { describe, expect, it } from 'vitest';
import { noIdenticalPaths } from './no-identical-paths.js';
import { runRule } from './rule-test-helper.js';

const doc = (...paths: string[]): string => `openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n${paths.map((p) => `  ${p}: {}\n`).join('')}`;

describe('no-identical-paths', () => {
  it('reports the later of two paths that differ only in template names', async () => {
    expect(await runRule(noIdenticalPaths, doc('/groups/{name}.json', '/groups/{id}.json', '/groups/{id}/x'))).toEqual([
      {
        pointer: '/paths/~1groups~1{id}.json',
        severity: 'error',
        message: '`/groups/{id}.json` is identical to `/groups/{name}.json` except for the names of its path parameters; a request cannot tell them apart',
      },
    ]);
  });
});

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { DocumentSet, SourceFile } from '../types.js';
import { resolveRef } from './resolve.js';

function documentSet(): DocumentSet {
  const root: SourceFile = {
    path: '/p/openapi.yaml',
    display: 'openapi.yaml',
    format: 'yaml',
    text: '',
    data: { components: { schemas: { A: { type: 'string' }, B: { $ref: '#/components/schemas/A' } } } },
  };
  return { root, version: '3.1', files: new Map([[root.path, root]]), missing: new Map(), refRoot: '/p', allowRemoteRefs: false };
}

describe('resolveRef', () => {
  it('resolves a local ref, memoized per set (the same answer object the second time), and reports a missing target', () => {
    const set = documentSet();
    const first = resolveRef(set, set.root, '#/components/schemas/A');
    expect(first).toMatchObject({ ok: true, pointer: '/components/schemas/A', value: { type: 'string' } });
    expect(resolveRef(set, set.root, '#/components/schemas/A')).toBe(first);
    expect(resolveRef(set, set.root, '#/components/schemas/Nope')).toMatchObject({ ok: false });
    // Another set with the same file asks again: its own answer, not the first set's.
    const other = documentSet();
    expect(resolveRef(other, set.root, '#/components/schemas/A')).not.toBe(first);
  });

  it('keeps no document set alive once the caller lets it go (a long-running process, the MCP server)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const ref = (() => {
      const set = documentSet();
      resolveRef(set, set.root, '#/components/schemas/A');
      return new WeakRef(set);
    })();
    for (let i = 0; i < 5 && ref.deref() !== undefined; i++) {
      await new Promise((r) => setTimeout(r, 10));
      gc();
    }
    expect(ref.deref()).toBeUndefined();
  });
});

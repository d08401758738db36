import { describe, it, expect } from 'vitest';
import { parse } from 'yaml';
import { applyOverlay, validateOverlay } from './index.js';

const doc = () =>
  parse(`
info: { title: t }
tags: [{ name: a }]
paths:
  /a: { get: { summary: old, tags: [a], x-internal: true } }
  /b: { get: { summary: b, x-internal: true }, post: { summary: c } }
`) as Record<string, unknown>;

const overlay = (actions: unknown[]) => ({ overlay: '1.0.0', info: { title: 'o', version: '1' }, actions });

describe('applyOverlay', () => {
  it('deep-merges an update into every selected object, appends to arrays, replaces primitives', () => {
    const d = doc();
    const findings = applyOverlay(d, {
      file: 'o.yaml',
      overlay: overlay([
        { target: '$.paths.*.get', update: { description: 'doc', 'x-hub': { a: 1 } } },
        { target: '$.tags', update: { name: 'b' } },
        { target: "$.paths['/a'].get.summary", update: 'new' },
        { target: '$.info', update: { title: 'T', contact: { name: 'n' } } },
      ]),
    });
    expect(d).toMatchObject({
      info: { title: 'T', contact: { name: 'n' } },
      tags: [{ name: 'a' }, { name: 'b' }],
      paths: { '/a': { get: { summary: 'new', description: 'doc', 'x-hub': { a: 1 } } }, '/b': { get: { description: 'doc' } } },
    });
    expect(findings.map((f) => [f.ruleId, f.pointer])).toEqual([
      ['overlay-action', '/actions/0'],
      ['overlay-action', '/actions/1'],
      ['overlay-action', '/actions/2'],
      ['overlay-action', '/actions/3'],
    ]);
    expect(findings[0]!.message).toContain('updated 2 node(s)');
  });

  it('removes selected nodes, array items from the highest index down', () => {
    const d = doc();
    applyOverlay(d, {
      file: 'o.yaml',
      overlay: overlay([
        { target: '$.paths.*[?(@["x-internal"])]', remove: true },
        { target: '$.tags[0]', remove: true },
      ]),
    });
    expect(d.paths).toEqual({ '/a': {}, '/b': { post: { summary: 'c' } } });
    expect(d.tags).toEqual([]);
  });

  it('warns about a target that selects nothing, and changes nothing', () => {
    const d = doc();
    const findings = applyOverlay(d, { file: 'o.yaml', overlay: overlay([{ target: '$.paths["/gone"]', update: { x: 1 } }]) });
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'overlay-no-match', severity: 'warn', file: 'o.yaml', pointer: '/actions/0/target' })]);
    expect(d).toEqual(doc());
  });

  it('validates Overlay 1.0 documents with pointers', async () => {
    expect(await validateOverlay(overlay([{ target: '$.x', update: {} }]), 'o.yaml')).toEqual([]);
    const problems = await validateOverlay({ overlay: '2.0.0', info: { title: 'o' }, actions: [{ target: 'paths', bogus: 1 }] }, 'o.yaml');
    expect(problems.map((p) => p.pointer).sort()).toEqual(['/actions/0', '/actions/0/target', '/info', '/overlay']);
  });
});

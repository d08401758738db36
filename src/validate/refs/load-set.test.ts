import { describe, expect, it } from 'vitest';
import type { FileReader } from '../io.js';
import { validateFiles } from '../validate-files.js';

/** An in-memory file system: the library reads only through FileReader. */
function memory(files: Record<string, string>): FileReader & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    read: async (path) => {
      reads.push(path);
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return text;
    },
  };
}

describe('loading a multi-file description', () => {
  it('reads each file once, however many refs and cycles point at it', async () => {
    const reader = memory({
      '/p/openapi.yaml': `openapi: 3.1.0
info: {title: t, version: '1'}
components:
  schemas:
    A: {$ref: './a.yaml'}
    A2: {$ref: './a.yaml#/properties/b'}
    B: {$ref: './b.yaml'}
`,
      '/p/a.yaml': `type: object\nproperties:\n  b: {$ref: './b.yaml'}\n`,
      '/p/b.yaml': `type: object\nproperties:\n  a: {$ref: './a.yaml'}\n  self: {$ref: '#'}\n`,
    });
    const r = await validateFiles(['openapi.yaml'], { root: '/p', reader });
    expect(r.errorCount).toBe(0);
    expect([...reader.reads].sort()).toEqual(['/p/a.yaml', '/p/b.yaml', '/p/openapi.yaml']);
  });

  it('an unparseable referenced file is a fatal problem of that file', async () => {
    const reader = memory({
      '/p/openapi.yaml': `openapi: 3.1.0\ninfo: {title: t, version: '1'}\ncomponents:\n  schemas:\n    A: {$ref: './a.yaml'}\n`,
      '/p/a.yaml': `type: [object\n`,
    });
    const r = await validateFiles(['openapi.yaml'], { root: '/p', reader });
    expect(r.fatal).toBe(true);
    expect(r.problems.filter((p) => p.severity === 'error').map((p) => [p.file, p.ruleId])).toEqual([
      ['a.yaml', 'parse-error'],
      ['openapi.yaml', 'no-unresolved-refs'],
    ]);
  });

  it('a $ref under an operation or for a string is resolved, validated in place, and warned about', async () => {
    const reader = memory({
      '/p/openapi.yaml': `openapi: 3.0.3
info: {title: t, version: '1'}
tags:
  - name: t
    description: {$ref: './text.yaml#/intro'}
paths:
  /a:
    get: {$ref: './get.yaml'}
`,
      '/p/text.yaml': `intro: Hello\n`,
      '/p/get.yaml': `responses:\n  '200': {descripton: OK}\n`,
    });
    const r = await validateFiles(['openapi.yaml'], { root: '/p', reader });
    expect(r.problems.filter((p) => p.ruleId !== 'security-defined').map((p) => [p.file, p.line, p.ruleId, p.severity])).toEqual([
      ['get.yaml', 2, 'struct', 'error'],
      ['get.yaml', 2, 'struct', 'error'],
      ['openapi.yaml', 5, 'ref-not-allowed', 'warn'],
      ['openapi.yaml', 8, 'ref-not-allowed', 'warn'],
    ]);
  });
});

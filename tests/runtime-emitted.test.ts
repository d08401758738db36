// `prepare` emits the generated client's runtime once (scripts/emit-runtime.mjs →
// dist/generate/runtime-emitted.json); generate uses it instead of transpiling on every run, only
// while it was made from the same sources and typescript. It must be exactly what a transpile gives.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitRuntime, emittedRuntime, type EmittedRuntime, usableEmitted } from '../src/generate/runtime-files.js';
import { projectRoot } from './helpers/cli.js';

const src = join(projectRoot, 'src');
const record = JSON.parse(readFileSync(join(projectRoot, 'dist/generate/runtime-emitted.json'), 'utf8')) as EmittedRuntime;

describe('the runtime emitted at install', () => {
  it('is what transpiling the sources gives now, byte for byte, and is used as it is', () => {
    expect(record).toEqual(emittedRuntime(src));
    expect(usableEmitted(record, src)).toEqual(emitRuntime(src));
  });

  it('is not used once a source, the typescript version or the list of sources differs', () => {
    const source = Object.keys(record.sources)[0]!;
    expect(usableEmitted({ ...record, sources: { ...record.sources, [source]: '0'.repeat(64) } }, src)).toBeUndefined();
    expect(usableEmitted({ ...record, typescript: '0.0.0' }, src)).toBeUndefined();
    const fewer = { ...record.sources };
    delete fewer[source];
    expect(usableEmitted({ ...record, sources: fewer }, src)).toBeUndefined();
    expect(usableEmitted({ ...record, files: 'x' } as unknown as EmittedRuntime, src)).toBeUndefined();
  });
});

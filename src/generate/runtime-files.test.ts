import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUNTIME_DEFAULTS } from './runtime/defaults.js';
import { emitRuntime, RUNTIME_SOURCES, runtimeFiles } from './runtime-files.js';

const src = join(import.meta.dirname, '..');

describe('the runtime emitted from typed sources', () => {
  it('gives a .js and a .d.ts per source, same bytes on every run', () => {
    const files = runtimeFiles();
    expect(files.map((f) => f.path)).toEqual(RUNTIME_SOURCES.flatMap((r) => [`${r.out}.d.ts`, `${r.out}.js`]).sort());
    expect(emitRuntime(src)).toEqual(files);
  });

  it('imports nothing but openapi-fetch and its own modules', () => {
    for (const f of runtimeFiles()) {
      for (const m of f.contents.matchAll(/\bfrom\s+'([^']+)'/g)) {
        const spec = m[1] ?? '';
        expect(spec === 'openapi-fetch' || /^\.\/[a-z-]+\.js$/.test(spec), `${f.path} imports ${spec}`).toBe(true);
      }
    }
  });

  it('the JS carries no types and the declarations no bodies', () => {
    const byPath = new Map(runtimeFiles().map((f) => [f.path, f.contents]));
    expect(byPath.get('runtime/retry.js')).toContain('export async function withRetries(policy, run, attempt) {');
    expect(byPath.get('runtime/retry.d.ts')).toContain('export declare function withRetries<R extends RetryableResponse>(');
    expect(byPath.get('runtime/http.js')).toContain("import { isIdempotentMethod, withRetries } from './retry.js';");
  });

  it('the defaults named in RetryOptions comments are the runtime defaults', async () => {
    const http = await readFile(join(src, 'generate', 'runtime', 'http.ts'), 'utf8');
    expect(http).toContain(`Default ${RUNTIME_DEFAULTS.retries}.`);
    expect(http).toContain(`Default ${RUNTIME_DEFAULTS.baseDelay}.`);
    expect(http).toContain(`Default ${RUNTIME_DEFAULTS.maxDelay}.`);
  });

  it('refuses a runtime source that imports a module outside the runtime', async () => {
    const { mkdtemp, mkdir, writeFile, cp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const root = await mkdtemp(join(tmpdir(), 'runtime-src-'));
    await cp(src, root, { recursive: true, filter: (p) => !p.includes('node_modules') });
    await mkdir(join(root, 'generate', 'runtime'), { recursive: true });
    const poll = join(root, 'generate', 'runtime', 'tasks.ts');
    await writeFile(poll, `import { isObject } from '../../core/json.js';\nvoid isObject;\n${await readFile(poll, 'utf8')}`);
    expect(() => emitRuntime(root)).toThrow(/imports \.\.\/\.\.\/core\/json\.js \(core\/json\.ts\), which is not in RUNTIME_SOURCES/);
  });
});

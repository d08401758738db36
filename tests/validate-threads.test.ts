// A large file (> 1 MB) may be validated on two threads (src/validate/struct/parallel.ts: by default
// on machines with more than two CPUs, always with API_HUB_THREADS=2): the second parses its own
// copy of the bytes handed over at read time and runs the structural check. The verdict must be the
// one of a single thread (API_HUB_THREADS=0), finding for finding, in every shape: YAML, JSON, a
// description in several files, with problems found by rules of every kind and by the structural check.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import { makeSyntheticSpec } from '../scripts/make-synthetic-spec.mjs';
import { secondThreadPays } from '../src/validate/struct/parallel.js';
import { binPath, projectRoot, runCli } from './helpers/cli.js';

const HUB = ['--config', 'tests/fixtures/validate/config/api-hub-defaults.yaml'];
const dir = mkdtempSync(join(tmpdir(), 'api-hub-threads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Doc {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { examples: Record<string, { value: unknown }> }> } }>>;
  components: { schemas: Record<string, { properties: Record<string, Record<string, unknown>> }> } & Record<string, unknown>;
}

/** 500 paths (1.3 MB of YAML: above the 1 MB of struct/parallel.ts): problems for the offloaded rules, the main thread's rules and the structural check. */
function largeDoc(): Doc {
  const doc = makeSyntheticSpec({ paths: 500 }) as unknown as Doc;
  const size = doc.components.schemas.Resource7!.properties.size!;
  size.default = 'big'; // no-invalid-schema-defaults (second thread)
  doc.components.schemas.Resource9!.properties.kind!.enum = ['small', 'small']; // no-duplicated-enum-values (main thread)
  const put = doc.paths['/resources-11/{id}']!.put!;
  put.requestBody!.content['application/json']!.examples.one!.value = { name: 42 }; // no-invalid-media-type-examples (second thread)
  (doc.components.schemas.Resource130 as unknown as Record<string, unknown>).type = 'objekt'; // struct
  return doc;
}

function both(file: string): { one: string; two: string; problems: Array<{ ruleId: string }> } {
  const one = runCli(['validate', '--no-cache', '--format', 'json', ...HUB, file], { env: { API_HUB_THREADS: '0' } });
  const two = runCli(['validate', '--no-cache', '--format', 'json', ...HUB, file], { env: { API_HUB_THREADS: '2' } });
  expect(two.stderr).toBe('');
  return { one: one.stdout, two: two.stdout, problems: (JSON.parse(two.stdout) as { problems: Array<{ ruleId: string }> }).problems };
}

describe('validation of a large file on two threads', () => {
  it('gives the single thread verdict on YAML, with findings from the rules and the structural check', () => {
    const file = join(dir, 'large.yaml');
    writeFileSync(file, yaml.dump(largeDoc(), { lineWidth: -1, noRefs: true }));
    const { one, two, problems } = both(file);
    expect(two).toBe(one);
    const rules = new Set(problems.map((p) => p.ruleId));
    for (const id of ['no-invalid-schema-defaults', 'no-invalid-media-type-examples', 'no-duplicated-enum-values', 'struct']) expect(rules).toContain(id);
  });

  it('gives the single thread verdict on JSON', () => {
    const file = join(dir, 'large.json');
    writeFileSync(file, JSON.stringify(largeDoc(), null, 2));
    const { one, two, problems } = both(file);
    expect(two).toBe(one);
    expect(problems.some((p) => p.ruleId === 'no-invalid-schema-defaults')).toBe(true);
  });

  it('runs every rule on the main thread for a description in several files, with the same verdict', () => {
    const doc = largeDoc();
    doc.components.schemas.Resource210 = { $ref: 'shared.yaml#/Thing' } as never;
    writeFileSync(join(dir, 'shared.yaml'), yaml.dump({ Thing: { type: 'integer', default: 'not a number' } }));
    const file = join(dir, 'multi.yaml');
    writeFileSync(file, yaml.dump(doc, { lineWidth: -1, noRefs: true }));
    const { one, two, problems } = both(file);
    expect(two).toBe(one);
    expect(problems.filter((p) => p.ruleId === 'no-invalid-schema-defaults').length).toBe(2);
  });
});

describe('how many threads validate takes', () => {
  /** The threads that ran JavaScript: V8's profiler writes one profile per thread. */
  function threadsUsed(file: string, env: NodeJS.ProcessEnv): number {
    const profiles = mkdtempSync(join(dir, 'profiles-'));
    const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profiles, binPath, 'validate', '--no-cache', '--format', 'json', ...HUB, file], {
      cwd: projectRoot,
      env: { ...process.env, CI: 'true', ...env },
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(1);
    return readdirSync(profiles).filter((f) => f.endsWith('.cpuprofile')).length;
  }

  it('a second thread for a large file with API_HUB_THREADS=2, none with 0 or 1, and by default only on a machine with more than two CPUs', () => {
    const file = join(dir, 'count.yaml');
    writeFileSync(file, yaml.dump(largeDoc(), { lineWidth: -1, noRefs: true }));
    expect(threadsUsed(file, { API_HUB_THREADS: '2' })).toBe(2);
    expect(threadsUsed(file, { API_HUB_THREADS: '0' })).toBe(1);
    expect(threadsUsed(file, { API_HUB_THREADS: '1' })).toBe(1);
    expect(threadsUsed(file, { API_HUB_THREADS: '' })).toBe(secondThreadPays() ? 2 : 1);
  });

  it('pays on more than two CPUs only', () => {
    expect([1, 2, 3, 4, 16].map((n) => secondThreadPays(n))).toEqual([false, false, true, true, true]);
  });

  it('refuses an API_HUB_THREADS that is not a number, naming it', () => {
    const r = runCli(['validate', '--no-cache', 'specs/openapi.yaml'], { env: { API_HUB_THREADS: 'many' } });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/API_HUB_THREADS must be a whole number/);
    expect(r.stdout).toBe('');
  });
});

describe('the second thread in a long-running process', () => {
  // The MCP server validates file after file in one process: each large file's thread must end once
  // its check is done (it holds a parsed copy of the document), not stay idle until the process exits.
  it.skipIf(!existsSync('/proc/self/status'))('ends after each validation: the process does not gain a thread per large file', () => {
    const file = join(projectRoot, 'specs', 'openapi.yaml');
    const script = `
      import { readFileSync } from 'node:fs';
      const { validateFiles } = await import(${JSON.stringify(pathToFileURL(join(projectRoot, 'dist/validate/validate-files.js')).href)});
      const threads = () => Number(/^Threads:\\s+(\\d+)/m.exec(readFileSync('/proc/self/status', 'utf8'))[1]);
      const options = { root: ${JSON.stringify(projectRoot)}, parallel: true };
      await validateFiles([${JSON.stringify(file)}], options);
      await new Promise((r) => setTimeout(r, 500));
      const before = threads();
      for (let i = 0; i < 4; i++) await validateFiles([${JSON.stringify(file)}], options);
      await new Promise((r) => setTimeout(r, 500));
      console.log(JSON.stringify({ before, after: threads() }));`;
    const scriptFile = join(dir, 'long-running.mjs');
    writeFileSync(scriptFile, script);
    const r = spawnSync(process.execPath, [scriptFile], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const { before, after } = JSON.parse(r.stdout) as { before: number; after: number };
    expect(after, `threads before ${before}, after ${after}`).toBeLessThanOrEqual(before);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { parseText } from '../src/core/parse.js';
import { generate } from '../src/generate/index.js';
import { projectRoot } from './helpers/cli.js';
import { fixturePath, linkOpenapiFetch, makeTempProject, removeTempProjects } from './generate-helpers.js';

const tsc = join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc');
const consumer = join(projectRoot, 'tests', 'consumer');

afterAll(removeTempProjects);

function runTsc(project: string): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [tsc, '-p', project], { cwd: projectRoot, encoding: 'utf8' });
  return { status: r.status, output: r.stdout + r.stderr };
}

describe('a consumer of the generated client', () => {
  it('compiles under strict tsc, and every @ts-expect-error in it is a real type error', () => {
    // tests/consumer/tsconfig.json maps `bananastudio-api-hub/client` to the golden output of the
    // fixture (tests/consumer/generated, kept current by generate-cli.test.ts). skipLibCheck is off,
    // so the generated declarations are checked too. An @ts-expect-error that is not an error fails
    // tsc with TS2578, so exit 0 proves the wrong field, the wrong endpoint id and the missing output
    // property are all rejected.
    const r = runTsc(join(consumer, 'tsconfig.json'));
    expect(r.output).toBe('');
    expect(r.status).toBe(0);
  });

  it('each @ts-expect-error marks an error on its own next line, and there is no other error', async () => {
    // tsc only proves that every directive suppresses *some* error. Compile the consumer with the
    // directives blanked out: the errors must be exactly on the lines the directives precede.
    const files = ['consumer.ts', 'comet-surface.ts'].map((name) => join(consumer, 'src', name));
    const sources = new Map<string, { lines: string[]; stripped: string; expected: Set<number> }>();
    for (const file of files) {
      const lines = (await readFile(file, 'utf8')).split('\n');
      const expected = new Set<number>();
      const stripped = lines.map((line, i) => {
        if (!/^\s*\/\/ @ts-expect-error/.test(line)) return line;
        expected.add(i + 1);
        return '//';
      });
      sources.set(file, { lines, stripped: stripped.join('\n'), expected });
    }
    expect(sources.get(files[0]!)?.expected.size).toBeGreaterThanOrEqual(30);
    expect(sources.get(files[1]!)?.expected.size).toBeGreaterThanOrEqual(18);
    const config = ts.getParsedCommandLineOfConfigFile(
      join(consumer, 'tsconfig.json'),
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
    );
    if (!config) throw new Error('cannot read tests/consumer/tsconfig.json');
    expect(config.fileNames.map((f) => resolve(f)).sort()).toEqual([...files].sort());
    const host = ts.createCompilerHost(config.options);
    const original = host.getSourceFile.bind(host);
    host.getSourceFile = (name, language, ...rest) => {
      const own = sources.get(resolve(name));
      return own ? ts.createSourceFile(name, own.stripped, language) : original(name, language, ...rest);
    };
    const program = ts.createProgram(config.fileNames, config.options, host);
    const errors = new Map<string, string>();
    for (const d of ts.getPreEmitDiagnostics(program)) {
      if (!d.file || d.start === undefined) throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      const file = resolve(d.file.fileName);
      expect(sources.has(file), ts.flattenDiagnosticMessageText(d.messageText, ' ')).toBe(true);
      const line = d.file.getLineAndCharacterOfPosition(d.start).line;
      errors.set(`${file}:${line}`, `${file}:${line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    }
    const expectedKeys = new Set([...sources].flatMap(([file, s]) => [...s.expected].map((line) => `${file}:${line}`)));
    const unexpected = [...errors].filter(([key]) => !expectedKeys.has(key)).map(([, m]) => m);
    const missing = [...sources].flatMap(([file, s]) =>
      [...s.expected].filter((line) => !errors.has(`${file}:${line}`)).map((line) => `${file}:${line + 1}: ${s.lines[line]?.trim() ?? ''}`),
    );
    expect(unexpected).toEqual([]);
    expect(missing).toEqual([]);
  });

  it.each([
    ['an empty document', { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {} }],
    ['FAL only (no Comet, so no chat shortcut)', 'fal-only'],
  ])('the output for %s compiles too', async (_name, given) => {
    let doc: unknown = given;
    if (given === 'fal-only') {
      const parsed = parseText(await readFile(fixturePath, 'utf8'), 'unified.yaml');
      if (!parsed.ok) throw new Error(parsed.problem.message);
      const full = parsed.value.data as { paths: Record<string, unknown> };
      doc = { ...full, paths: Object.fromEntries(Object.entries(full.paths).filter(([p]) => p.startsWith('/fal-ai/'))) };
    }
    const dir = await makeTempProject(false);
    await linkOpenapiFetch(dir);
    await mkdir(join(dir, 'generated'));
    for (const f of (await generate(doc)).files) {
      await mkdir(dirname(join(dir, 'generated', f.path)), { recursive: true });
      await writeFile(join(dir, 'generated', f.path), f.contents);
    }
    await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
    await writeFile(
      join(dir, 'use.ts'),
      "import { createHubClient } from './generated/client.js';\n" +
        "import type { FalEndpointId } from './generated/client.js';\n" +
        "export const hub = createHubClient({ comet: { apiKey: 'c' }, fal: { apiKey: 'f' } });\n" +
        'export type Ids = FalEndpointId;\n',
    );
    const base = JSON.parse(await readFile(join(consumer, 'tsconfig.json'), 'utf8').then(stripComments)) as { compilerOptions: Record<string, unknown> };
    const { paths: _paths, ...compilerOptions } = base.compilerOptions;
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['use.ts'] }));
    const r = runTsc(join(dir, 'tsconfig.json'));
    expect(r.output).toBe('');
    expect(r.status).toBe(0);
  });
});

/** tsconfig.json allows line comments; drop them before JSON.parse. */
function stripComments(text: string): string {
  return text.replace(/^\s*\/\/.*$/gm, '');
}

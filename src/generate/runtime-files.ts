import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type * as TypeScript from 'typescript';
import type { GeneratedFile } from './generate.js';

// `require`, not `import`: importing the 9 MB CommonJS compiler from ESM makes Node scan
// all of it for export names first (~0.4 s). openapi-typescript (schema-types.ts) loads the same instance.
const ts = createRequire(import.meta.url)('typescript') as typeof TypeScript;

/**
 * The generated client's runtime: typed TypeScript modules of the hub (the
 * retry policy of core/ and src/generate/runtime/), transpiled by the
 * `typescript` package into `generated/runtime/*.js` + `*.d.ts`. Each source
 * has one output; relative imports are rewritten to the output names, so the
 * emitted runtime depends on openapi-fetch only. Same sources, same bytes.
 */
export const RUNTIME_SOURCES: ReadonlyArray<{ source: string; out: string }> = [
  { source: 'core/retry-after.ts', out: 'runtime/retry-after' },
  { source: 'core/retry.ts', out: 'runtime/retry' },
  { source: 'generate/runtime/defaults.ts', out: 'runtime/defaults' },
  { source: 'generate/runtime/errors.ts', out: 'runtime/errors' },
  { source: 'generate/runtime/http.ts', out: 'runtime/http' },
  { source: 'generate/runtime/sse.ts', out: 'runtime/sse' },
  { source: 'generate/runtime/fal.ts', out: 'runtime/fal' },
  { source: 'generate/runtime/tasks.ts', out: 'runtime/tasks' },
  { source: 'generate/runtime/comet.ts', out: 'runtime/comet' },
  { source: 'generate/runtime/hub.ts', out: 'runtime/hub' },
];

/** Packages the runtime may import. */
const EXTERNAL = new Set(['openapi-fetch']);

const JS_OPTIONS: TypeScript.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  verbatimModuleSyntax: true,
  strict: true,
  removeComments: true,
  newLine: ts.NewLineKind.LineFeed,
};
/** isolatedDeclarations: every export carries its type, so one file's declarations need no program. */
const DTS_OPTIONS: TypeScript.CompilerOptions = { ...JS_OPTIONS, removeComments: false, declaration: true, isolatedDeclarations: true };

/** The hub's `src/`: next to this module when run from source, beside `dist/` when run compiled. */
function sourceRoot(): string {
  const here = dirname(dirname(fileURLToPath(import.meta.url)));
  return posix.basename(here.replace(/\\/g, '/')) === 'dist' ? resolve(here, '..', 'src') : here;
}

let cached: GeneratedFile[] | undefined;

/** `runtime/*.js` and `runtime/*.d.ts`, sorted by path. */
export function runtimeFiles(): GeneratedFile[] {
  if (cached) return cached;
  const root = sourceRoot();
  cached = readEmitted(root) ?? emitRuntime(root);
  return cached;
}

/**
 * The runtime as `npm ci` emitted it (`prepare` runs scripts/emit-runtime.mjs after tsc):
 * dist/generate/runtime-emitted.json, with the sha256 of each source and the typescript
 * version it came from. Used only when those still match (an edited source, a rebuilt
 * dist/ without it, another typescript: the runtime is transpiled again), so it saves the
 * ~0.25 s transpile and never changes a byte (tests/runtime-emitted.test.ts).
 */
export const EMITTED_FILE = 'runtime-emitted.json';

export interface EmittedRuntime {
  typescript: string;
  sources: Record<string, string>;
  files: GeneratedFile[];
}

/** The record scripts/emit-runtime.mjs writes: the files emitted now, with what they came from. */
export function emittedRuntime(root: string = sourceRoot()): EmittedRuntime {
  return { typescript: ts.version, sources: sourceHashes(root), files: emitRuntime(root) };
}

function sourceHashes(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { source } of RUNTIME_SOURCES)
    out[source] = createHash('sha256')
      .update(readFileSync(resolve(root, source)))
      .digest('hex');
  return out;
}

function readEmitted(root: string): GeneratedFile[] | undefined {
  try {
    return usableEmitted(JSON.parse(readFileSync(fileURLToPath(new URL(`./${EMITTED_FILE}`, import.meta.url)), 'utf8')) as EmittedRuntime, root);
  } catch {
    return undefined;
  }
}

/** The record's files, if it was emitted from exactly these sources with this typescript; else undefined. */
export function usableEmitted(record: EmittedRuntime, root: string): GeneratedFile[] | undefined {
  if (record.typescript !== ts.version || !Array.isArray(record.files) || record.sources === null || typeof record.sources !== 'object') return undefined;
  const now = sourceHashes(root);
  if (Object.keys(record.sources).length !== RUNTIME_SOURCES.length || Object.keys(now).some((k) => record.sources[k] !== now[k])) return undefined;
  return record.files;
}

export function emitRuntime(root: string): GeneratedFile[] {
  const outOf = new Map(RUNTIME_SOURCES.map((r) => [r.source, r.out]));
  const files: GeneratedFile[] = [];
  for (const { source, out } of RUNTIME_SOURCES) {
    const text = readFileSync(resolve(root, source), 'utf8');
    const rewrite = (code: string): string =>
      code.replace(/(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"]+)\2/g, (_m, lead: string, _q: string, spec: string) => {
        if (EXTERNAL.has(spec)) return `${lead}'${spec}'`;
        if (!spec.startsWith('.')) throw new Error(`runtime ${source} imports ${spec}: the generated client may import only ${[...EXTERNAL].join(', ')}`);
        const target = posix.normalize(posix.join(posix.dirname(source), spec.replace(/\.js$/, '.ts')));
        const targetOut = outOf.get(target);
        if (targetOut === undefined) throw new Error(`runtime ${source} imports ${spec} (${target}), which is not in RUNTIME_SOURCES`);
        let rel = posix.relative(posix.dirname(out), targetOut);
        if (!rel.startsWith('.')) rel = `./${rel}`;
        return `${lead}'${rel}.js'`;
      });
    const header = `/* api-hub generate: from src/${source}; do not edit. */\n`;
    const js = ts.transpileModule(text, { compilerOptions: JS_OPTIONS, fileName: source, reportDiagnostics: true });
    const dts = ts.transpileDeclaration(text, { compilerOptions: DTS_OPTIONS, fileName: source, reportDiagnostics: true });
    const problems = [...(js.diagnostics ?? []), ...(dts.diagnostics ?? [])];
    if (problems.length > 0) {
      const first = problems[0];
      throw new Error(`cannot emit the runtime from src/${source}: ${first === undefined ? '' : ts.flattenDiagnosticMessageText(first.messageText, ' ')}`);
    }
    files.push({ path: `${out}.js`, contents: header + rewrite(twoSpaces(js.outputText, source)) });
    files.push({ path: `${out}.d.ts`, contents: header + rewrite(dts.outputText) });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The TypeScript printer indents by four spaces; two keep the shipped runtime
 * inside its size budget. Only leading whitespace changes, which is safe as long
 * as no string spans lines (a template literal with a newline is refused).
 */
function twoSpaces(js: string, source: string): string {
  const file = ts.createSourceFile(source, js, ts.ScriptTarget.ES2022, true);
  const visit = (node: TypeScript.Node): void => {
    if (ts.isTemplateLiteralToken(node) && node.getText(file).includes('\n')) {
      throw new Error(`runtime src/${source} has a template literal over several lines; write it with \\n`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return js.replace(/^((?: {4})+)/gm, (m: string) => ' '.repeat(m.length / 2));
}

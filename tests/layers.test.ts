import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The structure reads faces -> project -> stages -> core (issue 13): every
 * import of src/ (static, dynamic and type-only) between top-level folders,
 * checked against these layers, and no loop between folders.
 */
const src = fileURLToPath(new URL('../src/', import.meta.url));
const LAYERS: Record<string, number> = {
  core: 0,
  fetch: 1,
  registry: 1,
  normalize: 1,
  validate: 1,
  diff: 1,
  generate: 1,
  push: 1,
  scan: 1,
  usage: 1,
  project: 2,
  cli: 3,
  mcp: 3,
  site: 3,
  '.': 4,
};
/** Faces (the CLI, the MCP server, the website) import no other face, except the CLI's `mcp` and `docs` commands. */
const FACES_MAY_IMPORT: Record<string, string[]> = { cli: ['mcp', 'site'] };

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

function folderOf(file: string): string {
  const rel = relative(src, file).split(sep);
  return rel.length === 1 ? '.' : rel[0]!;
}

const edges = new Map<string, Set<string>>();
const where = new Map<string, string>();
for (const file of sources(src)) {
  const from = folderOf(file);
  for (const ref of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
    if (!ref.fileName.startsWith('.')) continue;
    const to = folderOf(resolve(dirname(file), ref.fileName));
    if (to === from) continue;
    if (!edges.has(from)) edges.set(from, new Set());
    edges.get(from)!.add(to);
    where.set(`${from}->${to}`, `${relative(src, file)} imports ${ref.fileName}`);
  }
}

describe('the import graph of src/', () => {
  it('knows every folder', () => {
    const folders = new Set(sources(src).map(folderOf));
    expect([...folders].filter((f) => LAYERS[f] === undefined)).toEqual([]);
  });

  it('imports only downwards: faces -> project -> stages -> core', () => {
    const wrong: string[] = [];
    for (const [from, tos] of edges) {
      for (const to of tos) {
        const ok = LAYERS[to]! < LAYERS[from]! || (LAYERS[to] === 1 && LAYERS[from] === 1) || FACES_MAY_IMPORT[from]?.includes(to);
        if (!ok) wrong.push(`${from} -> ${to} (${where.get(`${from}->${to}`)})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no loop between folders', () => {
    const loops: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (n: string, path: string[]): void => {
      if (state.get(n) === 'done') return;
      if (state.get(n) === 'open') {
        loops.push([...path.slice(path.indexOf(n)), n].join(' -> '));
        return;
      }
      state.set(n, 'open');
      for (const m of [...(edges.get(n) ?? [])].sort()) visit(m, [...path, n]);
      state.set(n, 'done');
    };
    for (const n of [...edges.keys()].sort()) visit(n, []);
    expect(loops.map((l) => `${l}: ${l.split(' -> ').slice(0, 2).join('->')} via ${where.get(l.split(' -> ').slice(0, 2).join('->'))}`)).toEqual([]);
  });
});

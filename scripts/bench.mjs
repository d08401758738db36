#!/usr/bin/env node
// `npm run bench`: measures the hub's stages on large inputs next to the established tools,
// in the same run, and writes bench/results.json and bench/RESULTS.md.
// Options: --quick (1 run each instead of 3), --only NAME[,NAME], --baseline REV (default b71f9e3, the
// code before the speed work of issue 14: its `npm start` is timed beside today's; `--baseline none` skips it).
import { writeFileSync, mkdirSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { measureEach } from './bench-lib.mjs';
import { prepareBaseline } from './bench-baseline.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.find((a) => a.startsWith('--only='))?.slice(7) ?? (args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined);
const only = onlyArg ? new Set(onlyArg.split(',')) : undefined;
const runs = quick ? 1 : 3;
const baselineRev = (args.includes('--baseline') ? args[args.indexOf('--baseline') + 1] : undefined) ?? 'b71f9e3';
const shared = join(root, '..', 'shared');
const node = process.execPath;

/** The commands of build, validate, generate and npm start in one checkout (`cold`: without generate's result cache). */
function stageCommands(dir, cold = true) {
  const env = { CI: 'true' };
  const bin = join(dir, 'bin', 'api-hub.js');
  const c = (args) => ({ cmd: node, args: [bin, ...args], runs, cwd: dir, env });
  return {
    build: c(['build', '-q']),
    validate: c(['validate', '--no-cache', 'specs/openapi.yaml']),
    // Cold: generate's result cache would turn the second and third runs into cache hits.
    generate: c(['generate', '-q', ...(cold ? ['--no-cache'] : [])]),
    start: c(['start', '-q', ...(cold ? ['--no-cache'] : [])]),
    ...(cold ? { startCached: c(['start', '-q']) } : {}),
  };
}

/**
 * Each stage of today's checkout and of the baseline's, measured in turns (now, then, now, then, …):
 * the machine's speed drifts by tens of percent within minutes, and two series taken one after the
 * other compared that drift, not the code. Each record also has the size of the checkout's built document.
 */
function stages(dir, base) {
  const nowCommands = stageCommands(dir);
  const thenCommands = base ? stageCommands(base, false) : {};
  const now = {};
  const then = {};
  for (const [name, command] of Object.entries(nowCommands)) {
    const r = measureEach({ now: command, ...(thenCommands[name] ? { then: thenCommands[name] } : {}) });
    now[name] = r.now;
    if (r.then) then[name] = r.then;
  }
  const sizes = (d) => ({ documentBytes: statSync(join(d, 'specs', 'openapi.yaml')).size, inputBytes: bytesUnder(join(d, 'specs', 'providers')) });
  return { now: { ...now, ...sizes(dir) }, then: base ? { ...then, ...sizes(base) } : undefined };
}

/** The size of every file under `dir`: the build's input. */
function bytesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(join(e.parentPath ?? e.path, e.name)).size, 0);
}

const STAGE_LABELS = {
  build: 'api-hub build (589 FAL documents + Comet)',
  validate: 'api-hub validate specs/openapi.yaml (--no-cache)',
  generate: 'api-hub generate',
  start: 'npm start (build + validate + generate), cold',
};

async function pipeline() {
  const base = baselineRev === 'none' ? undefined : prepareBaseline(root, baselineRev);
  const { now, then } = stages(root, base); // the baseline has no result cache (nor the flag)
  const s = (r) => `${(r.medianMs / 1000).toFixed(2)} s`;
  const lines = [
    `| stage | median wall | peak RSS |${then ? ` at ${baselineRev} (its own snapshot) | now ÷ then | document now ÷ then |` : ''}`,
    `|---|---|---|${then ? '---|---|---|' : ''}`,
  ];
  const growth = then ? now.documentBytes / then.documentBytes : undefined;
  if (now.startCached)
    lines.push(
      `| npm start, generate's result cache warm (an unchanged document) | ${s(now.startCached)} | ${now.startCached.peakRssMB ?? '?'} MB |${then ? ' | | |' : ''}`,
    );
  for (const [k, label] of Object.entries(STAGE_LABELS)) {
    const r = now[k];
    const extra = then ? ` ${s(then[k])} | ${(r.medianMs / then[k].medianMs).toFixed(2)} | ${growth.toFixed(2)} |` : '';
    lines.push(`| ${label} | ${s(r)} | ${r.peakRssMB ?? '?'} MB |${extra}`);
  }
  const results = { now, ...(then ? { baseline: { rev: baselineRev, ...then }, startSpeedup: +(then.start.medianMs / now.start.medianMs).toFixed(2) } : {}) };
  const mb = (b) => `${(b / 1048576).toFixed(2)} MB`;
  lines.push(
    '',
    `specs/openapi.yaml: ${mb(now.documentBytes)}${then ? ` (${mb(then.documentBytes)} at ${baselineRev})` : ''}; the build's input, specs/providers/: ${mb(now.inputBytes)}${then ? ` (${mb(then.inputBytes)} at ${baselineRev}, ${(now.inputBytes / then.inputBytes).toFixed(2)}×)` : ''}.`,
  );
  if (then)
    lines.push(
      `npm start: ${results.startSpeedup}× faster than at ${baselineRev} (target ≥ 1.75×, and ≤ 4 s). A stage grows no faster than the document when "now ÷ then" ≤ "document now ÷ then".`,
    );
  return { name: 'pipeline', results, markdown: lines.join('\n') };
}

/** Stage benchmarks contributed by each stage's module: scripts/bench-<stage>.mjs exporting `run({ root, shared, runs })`. */
async function stage(name) {
  const file = join(root, 'scripts', `bench-${name}.mjs`);
  if (!existsSync(file)) return { name, skipped: `scripts/bench-${name}.mjs not present` };
  const mod = await import(file);
  if (typeof mod.run !== 'function') return { name, skipped: `scripts/bench-${name}.mjs exports no run()` };
  // Each stage module returns { results, markdown }.
  return { name, ...(await mod.run({ root, shared: existsSync(shared) ? shared : undefined, runs, quick })) };
}

const sections = [];
for (const [name, fn] of [
  ['pipeline', pipeline],
  ['validate', () => stage('validate')],
  ['build', () => stage('build')],
  ['fetch', () => stage('fetch')],
  ['mcp', () => stage('mcp')],
  ['docs', () => stage('docs')],
]) {
  if (only && !only.has(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  try {
    sections.push(await fn());
  } catch (err) {
    sections.push({ name, error: String(err?.stack ?? err) });
  }
}

const machine = { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memGB: Math.round(os.totalmem() / 2 ** 30), runs };
mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(join(root, 'bench', 'results.json'), JSON.stringify({ machine, sections }, null, 2) + '\n');
const md = [
  '# Benchmark results',
  '',
  `Written by \`npm run bench\`. Machine: ${machine.cpus} × ${machine.cpu ?? 'cpu'}, ${machine.memGB} GiB, Node ${machine.node}; median of ${runs} run(s), whole process, peak RSS from GNU time.`,
  '',
  ...sections.flatMap((s) => [
    `## ${s.name}`,
    '',
    s.skipped ? `_skipped: ${s.skipped}_` : s.error ? '```\n' + s.error + '\n```' : (s.markdown ?? '```json\n' + JSON.stringify(s.results, null, 2) + '\n```'),
    '',
  ]),
].join('\n');
writeFileSync(join(root, 'bench', 'RESULTS.md'), md);
process.stdout.write(md);

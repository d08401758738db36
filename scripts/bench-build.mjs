#!/usr/bin/env node
// Build benchmark: `api-hub build` next to `redocly join` and openapi-merge-cli, on the same
// inputs in the same run, at 1×, 2× and 4× input size:
//   - fal:       the committed FAL snapshot's documents (specs/providers/fal/openapi/*.json);
//                2× and 4× are copies under other endpoint ids (x2/…, x3/…);
//   - synthetic: FAL-style model documents from scripts/make-synthetic-models.mjs, 1,250 / 2,500
//                / 5,000 documents (shared QueueStatus, clashing Image/LoraWeight/…, quirks).
// For each tool and input: whole-process wall time (median of `runs`, the tools taking turns run
// by run so that a slow minute of a shared machine falls on all of them), peak RSS, exit code, and
// how it handled the component clashes (shared? renamed? aborted?). At 1×, every output there
// is is checked with `redocly lint` (recommended rules) and swagger-parser.
//
//   node scripts/bench-build.mjs [--sets fal,synthetic] [--scales 1,2,4] [--runs 1] [--no-accept] [--keep]
//
// Prints the figures as JSON on stdout. Also exported: benchBuild(options) -> figures, and
// run({ root, runs, quick }) -> { results, markdown } for scripts/bench.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './bench-lib.mjs';
import { writeSyntheticProject } from './make-synthetic-models.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const SYNTHETIC_UNIT = 1250;
const ENV = { CI: 'true', NO_COLOR: '1', REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };

/** Run a command `runs` times in a child process: median wall time, peak RSS, and the last run's output. */
function timed(cmd, args, { cwd, runs = 1, timeoutMs = 900_000 } = {}) {
  return interleaved([{ cmd, args, cwd, timeoutMs }], runs)[0];
}

/**
 * Run several commands `runs` times each, taking turns (A, B, C, A, B, C, …), so that a
 * slow minute of a shared machine falls on every tool alike rather than on one tool's runs.
 * For each: median wall time, peak RSS, and the last run's output. A command that times out
 * or is killed is not run again.
 */
function interleaved(commands, runs = 1) {
  const state = commands.map(() => ({ times: [], rssMB: null, last: undefined, stopped: false }));
  for (let i = 0; i < runs; i++) {
    commands.forEach(({ cmd, args, cwd, timeoutMs = 900_000 }, k) => {
      const st = state[k];
      if (st.stopped) return;
      const argv = GNU_TIME ? ['-f', '__RSS__%M', cmd, ...args] : args;
      const start = performance.now();
      st.last = spawnSync(GNU_TIME ?? cmd, argv, { cwd, env: { ...process.env, ...ENV }, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, timeout: timeoutMs });
      st.times.push(performance.now() - start);
      const m = /__RSS__(\d+)\s*$/.exec(st.last.stderr ?? '');
      if (m) st.rssMB = Math.max(st.rssMB ?? 0, Math.round(Number(m[1]) / 1024));
      if (st.last.error?.code === 'ETIMEDOUT' || st.last.signal) st.stopped = true;
    });
  }
  return state.map(({ times, rssMB, last }) => ({
    ms: Math.round(median(times)),
    rssMB,
    exitCode: last.status,
    timedOut: last.error?.code === 'ETIMEDOUT' || Boolean(last.signal),
    stdout: last.stdout ?? '',
    stderr: (last.stderr ?? '').replace(/__RSS__\d+\s*$/, ''),
  }));
}

/** The committed FAL snapshot, `scale` times: copies k>1 get endpoint ids `x<k>/<id>` (paths and listing follow). */
function falProject(dir, scale) {
  const src = join(ROOT, 'specs', 'providers', 'fal');
  const listing = JSON.parse(readFileSync(join(src, 'models.json'), 'utf8'));
  const available = listing.models.filter((m) => m.openapi?.status === 'available');
  const out = join(dir, 'specs', 'providers', 'fal');
  mkdirSync(join(out, 'openapi'), { recursive: true });
  mkdirSync(join(dir, 'data'), { recursive: true });
  const models = [];
  const files = [];
  for (let k = 1; k <= scale; k++) {
    for (const m of available) {
      const text = readFileSync(join(src, m.openapi.file), 'utf8');
      const id = k === 1 ? m.endpoint_id : `x${k}/${m.endpoint_id}`;
      const body = k === 1 ? text : text.split(`/${m.endpoint_id}`).join(`/${id}`);
      const file = `openapi/${id.split('/').join('__')}.json`;
      writeFileSync(join(out, file), body);
      files.push(join(out, file));
      models.push({ ...m, endpoint_id: id, openapi: { status: 'available', file, sha256: createHash('sha256').update(body).digest('hex') } });
    }
  }
  models.sort((a, b) => (a.endpoint_id < b.endpoint_id ? -1 : a.endpoint_id > b.endpoint_id ? 1 : 0));
  writeFileSync(join(out, 'models.json'), JSON.stringify({ ...listing, models }, null, 2) + '\n');
  return { files };
}

/** The first line of a failure that says what went wrong (not a stack frame, not a progress line). */
function firstError(text) {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('at ') && !l.startsWith('##') && !/[║╔╚]/.test(l) && !l.startsWith('Command exited'));
  return (lines.find((l) => /error|conflict|could not/i.test(l)) ?? lines[0] ?? '').slice(0, 300);
}

/** What each tool did with the clashes, read from its output and messages. */
function redoclyOutcome(r) {
  const text = r.stderr + r.stdout;
  const conflicts = (text.match(/Conflict on components/g) ?? []).length;
  if (r.timedOut) return { result: 'timeout' };
  if (r.exitCode === 0) return { result: 'merged' };
  if (conflicts > 0) return { result: 'aborted', reason: `"Conflict on components" for ${conflicts} component name(s); nothing written` };
  if (/Can't resolve \$ref/.test(text)) return { result: 'aborted', reason: 'a dangling $ref in one input ("Can\'t resolve $ref"); nothing written' };
  if (/should not exceed 50 characters/.test(text))
    return { result: 'aborted', reason: 'component prefix from info.title is longer than 50 characters; nothing written' };
  return { result: 'failed', reason: firstError(text) };
}

function analyzeMerged(file) {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  const schemas = Object.keys(doc.components?.schemas ?? {});
  const numbered = schemas.filter((n) => /\d+$/.test(n) && schemas.includes(n.replace(/\d+$/, '')));
  const counts = {
    openapi: doc.openapi,
    paths: Object.keys(doc.paths ?? {}).length,
    schemas: schemas.length,
    renamedWithNumbers: numbered.length,
    queueStatusCopies: schemas.filter((n) => /^QueueStatus\d*$/.test(n)).length,
  };
  const dangling = new Set();
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if (typeof v.$ref === 'string' && v.$ref.startsWith('#/components/schemas/') && !(v.$ref.slice(21) in (doc.components?.schemas ?? {})))
        dangling.add(v.$ref);
      Object.values(v).forEach(walk);
    }
  };
  walk(doc);
  return { ...counts, danglingRefs: dangling.size };
}

/** `redocly lint` (recommended) and swagger-parser on an output file; api-hub validate too. */
async function acceptance(file, root) {
  const lint = timed(
    process.execPath,
    [join(root, 'node_modules/@redocly/cli/bin/cli.js'), 'lint', file, '--extends', 'recommended', '--format', 'json', '--max-problems', '100000'],
    { cwd: dirname(file) },
  );
  let redocly;
  try {
    const j = JSON.parse(lint.stdout);
    const byRule = {};
    for (const p of j.problems) if (p.severity === 'error') byRule[p.ruleId] = (byRule[p.ruleId] ?? 0) + 1;
    redocly = { errors: j.totals.errors, warnings: j.totals.warnings, errorRules: byRule, ms: lint.ms };
  } catch {
    redocly = { failed: (lint.stderr || lint.stdout).slice(-300), ms: lint.ms };
  }
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
  let swaggerParser;
  const t = performance.now();
  try {
    await SwaggerParser.validate(file);
    swaggerParser = { valid: true };
  } catch (err) {
    swaggerParser = { valid: false, error: String(err.message).split('\n').slice(0, 2).join(' ').slice(0, 300) };
  }
  swaggerParser.ms = Math.round(performance.now() - t);
  const v = timed(process.execPath, [join(root, 'bin', 'api-hub.js'), 'validate', '--format', 'json', '--no-cache', file], { cwd: dirname(file) });
  let hub;
  try {
    const j = JSON.parse(v.stdout);
    hub = { errors: j.errorCount, warnings: j.warningCount };
  } catch {
    hub = { failed: v.stderr.slice(-300) };
  }
  return { redoclyLint: redocly, swaggerParser, apiHubValidate: hub };
}

export async function benchBuild({
  root = ROOT,
  sets = ['fal', 'synthetic'],
  scales = [1, 2, 4],
  runs = 1,
  accept = true,
  keep = false,
  log = (s) => process.stderr.write(s + '\n'),
} = {}) {
  const work = mkdtempSync(join(tmpdir(), 'api-hub-bench-build-'));
  const node = process.execPath;
  const results = [];
  try {
    for (const set of sets) {
      for (const scale of scales) {
        const dir = join(work, `${set}-${scale}x`);
        mkdirSync(dir, { recursive: true });
        const { files } = set === 'fal' ? falProject(dir, scale) : writeSyntheticProject(dir, { count: SYNTHETIC_UNIT * scale });
        const row = { set, scale, documents: files.length, tools: {} };
        log(`bench build: ${set} ${scale}× (${files.length} documents)`);

        // The three tools on the same input, taking turns run by run (see interleaved()):
        // api-hub build, the whole command (load, passes, merge, YAML + report + registry written);
        // redocly join as documented, every input file and one output; openapi-merge-cli with a
        // configuration listing every input.
        const joinOut = join(dir, 'redocly-joined.yaml');
        const omOut = join(dir, 'openapi-merged.json');
        const omConfig = join(dir, 'openapi-merge.json');
        writeFileSync(omConfig, JSON.stringify({ inputs: files.map((inputFile) => ({ inputFile })), output: omOut }));
        const [hub, rj, om] = interleaved(
          [
            { cmd: node, args: [join(root, 'bin', 'api-hub.js'), 'build', '-q'], cwd: dir },
            { cmd: node, args: [join(root, 'node_modules/@redocly/cli/bin/cli.js'), 'join', ...files, '-o', joinOut], cwd: dir },
            { cmd: node, args: [join(root, 'node_modules/openapi-merge-cli/dist/cli.js'), '--config', omConfig], cwd: dir },
          ],
          runs,
        );
        const report = hub.exitCode === 0 ? JSON.parse(readFileSync(join(dir, 'specs', 'build-report.json'), 'utf8')) : undefined;
        row.tools['api-hub build'] = {
          ms: hub.ms,
          rssMB: hub.rssMB,
          exitCode: hub.exitCode,
          clashes: report
            ? {
                result: 'merged',
                shared: report.summary.sharedComponents,
                renamed: report.summary.renamedComponents,
                danglingRefsPatched: report.summary.findings['dangling-ref'] ?? 0,
                schemas: report.summary.components.schemas,
                paths: report.summary.paths,
              }
            : { result: 'failed', reason: hub.stderr.slice(0, 300) },
          output: report ? join(dir, 'specs', 'openapi.yaml') : undefined,
        };

        row.tools['redocly join'] = {
          ms: rj.ms,
          rssMB: rj.rssMB,
          exitCode: rj.exitCode,
          clashes: redoclyOutcome(rj),
          output: existsSync(joinOut) ? joinOut : undefined,
        };
        // With the documented way around name clashes: prefix components with an info field.
        const rjp = timed(
          node,
          [join(root, 'node_modules/@redocly/cli/bin/cli.js'), 'join', ...files, '--prefix-components-with-info-prop', 'title', '-o', joinOut],
          { cwd: dir, runs: 1 },
        );
        row.tools['redocly join'].withPrefixOption = { ms: rjp.ms, exitCode: rjp.exitCode, clashes: redoclyOutcome(rjp) };
        if (existsSync(joinOut)) row.tools['redocly join'].output = joinOut;
        // And on the inputs without the documents whose $refs dangle (found by the hub's report), to see what it does with the name clashes.
        if (scale === scales[0] && report) {
          const dangling = new Set(report.findings.filter((f) => f.ruleId === 'dangling-ref').map((f) => f.file));
          const clean = files.filter((f) => !dangling.has(relative(dir, f).split('\\').join('/')));
          const rjc = timed(node, [join(root, 'node_modules/@redocly/cli/bin/cli.js'), 'join', ...clean, '-o', joinOut], { cwd: dir, runs: 1 });
          row.tools['redocly join'].withoutDanglingRefDocuments = { documents: clean.length, ms: rjc.ms, exitCode: rjc.exitCode, clashes: redoclyOutcome(rjc) };
          const rjcp = timed(
            node,
            [join(root, 'node_modules/@redocly/cli/bin/cli.js'), 'join', ...clean, '--prefix-components-with-info-prop', 'title', '-o', joinOut],
            { cwd: dir, runs: 1 },
          );
          row.tools['redocly join'].withoutDanglingRefDocuments.withPrefixOption = { ms: rjcp.ms, exitCode: rjcp.exitCode, clashes: redoclyOutcome(rjcp) };
          if (existsSync(joinOut)) row.tools['redocly join'].output = joinOut;
        }

        row.tools['openapi-merge-cli'] = {
          ms: om.ms,
          rssMB: om.rssMB,
          exitCode: om.exitCode,
          clashes:
            om.exitCode === 0 && existsSync(omOut)
              ? { result: 'merged', ...analyzeMerged(omOut) }
              : { result: om.timedOut ? 'timeout' : 'aborted', reason: firstError(om.stderr + om.stdout) },
          output: existsSync(omOut) ? omOut : undefined,
        };

        if (accept && scale === scales[0]) {
          for (const [name, t] of Object.entries(row.tools)) {
            if (!t.output) continue;
            log(`bench build: checking ${name}'s output (${set} ${scale}×)`);
            t.accepted = await acceptance(t.output, root);
          }
        }
        for (const t of Object.values(row.tools)) delete t.output;
        results.push(row);
        if (!keep) rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true });
  }
  return summarize(results, { runs });
}

/** Ratios: hub vs each tool per input, and each tool's time at k× over its time at 1× (linear = k). */
function summarize(results, meta) {
  const tools = ['api-hub build', 'redocly join', 'openapi-merge-cli'];
  const growth = {};
  const versus = {};
  for (const set of [...new Set(results.map((r) => r.set))]) {
    const rows = results.filter((r) => r.set === set);
    const base = rows[0];
    growth[set] = Object.fromEntries(
      tools.map((t) => [
        t,
        Object.fromEntries(
          rows.map((r) => [`${r.scale}x`, { ms: r.tools[t].ms, vs1x: +(r.tools[t].ms / base.tools[t].ms).toFixed(2), exitCode: r.tools[t].exitCode }]),
        ),
      ]),
    );
    versus[set] = Object.fromEntries(
      rows.map((r) => [
        `${r.scale}x`,
        Object.fromEntries(
          tools.slice(1).map((t) => [t, `${(r.tools[t].ms / r.tools['api-hub build'].ms).toFixed(2)}× the hub's time (${r.tools[t].clashes.result})`]),
        ),
      ]),
    );
  }
  return { machine: { node: process.version, runs: meta.runs }, results, growth, versus };
}

/** For scripts/bench.mjs. */
export async function run({ root = ROOT, runs = 1, quick = false, sets, scales = [1, 2, 4] } = {}) {
  const figures = await benchBuild({ root, runs: quick ? 1 : Math.min(runs, 3), scales, ...(sets ? { sets } : {}) });
  const lines = ['| input | documents | api-hub build | redocly join | openapi-merge-cli |', '|---|---|---|---|---|'];
  for (const r of figures.results) {
    const cell = (t) => `${(t.ms / 1000).toFixed(2)} s, ${t.clashes.result}${t.exitCode ? ` (exit ${t.exitCode})` : ''}`;
    lines.push(
      `| ${r.set} ${r.scale}× | ${r.documents} | ${cell(r.tools['api-hub build'])} | ${cell(r.tools['redocly join'])} | ${cell(r.tools['openapi-merge-cli'])} |`,
    );
  }
  lines.push('', '| output at 1× | redocly lint (recommended) errors | swagger-parser | api-hub validate errors |', '|---|---|---|---|');
  for (const r of figures.results) {
    for (const [name, t] of Object.entries(r.tools)) {
      const a = t.accepted;
      if (!a) continue;
      lines.push(
        `| ${r.set}: ${name} | ${a.redoclyLint.errors ?? 'failed'} | ${a.swaggerParser.valid ? 'valid' : `invalid: ${a.swaggerParser.error.slice(0, 80)}`} | ${a.apiHubValidate.errors ?? 'failed'} |`,
      );
    }
  }
  lines.push('', 'How each tool handled the clashes (1× inputs):');
  for (const r of figures.results.filter((x) => x.scale === 1)) {
    for (const [name, t] of Object.entries(r.tools)) {
      const c = t.clashes;
      const detail =
        c.reason ??
        Object.entries(c)
          .filter(([k]) => k !== 'result')
          .map(([k, v]) => `${k} ${v}`)
          .join(', ');
      lines.push(
        `- ${r.set}, ${name}: ${c.result}${detail ? ` (${detail})` : ''}${t.withoutDanglingRefDocuments ? `; without the dangling-ref documents: ${t.withoutDanglingRefDocuments.clashes.result} (${t.withoutDanglingRefDocuments.clashes.reason ?? ''})` : ''}`,
      );
    }
  }
  return { results: figures, markdown: lines.join('\n') };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
  const figures = await benchBuild({
    sets: opt('--sets', 'fal,synthetic').split(','),
    scales: opt('--scales', '1,2,4').split(',').map(Number),
    runs: Number(opt('--runs', 1)),
    accept: !args.includes('--no-accept'),
    keep: args.includes('--keep'),
  });
  process.stdout.write(JSON.stringify(figures, null, 2) + '\n');
}

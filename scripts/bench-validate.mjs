#!/usr/bin/env node
/**
 * Benchmark of `api-hub validate` (issue 3), next to `redocly lint` (recommended rules) and
 * swagger-parser `validate()`, on the same inputs in the same run:
 * - the built specs/openapi.yaml (5 MB YAML);
 * - the largest real-world spec of the shared corpus, Cloudflare (4 MB JSON; skipped without ../shared);
 * - a synthetic 5,000-path description (scripts/make-synthetic-spec.mjs, written to a temp dir).
 *
 * For each: median wall time and peak RSS (GNU time) of
 * - `api-hub validate --no-cache` (cold: parse, every rule, the official schema);
 * - `api-hub validate` with a warm cache (an unchanged file: the pre-commit hook's case);
 * - `redocly lint --extends recommended --format summary` (REDOCLY_TELEMETRY=off);
 * - swagger-parser `validate()` in a child process (it stops at the first error);
 * and the ratios: redocly / api-hub cold, swagger-parser / api-hub cold, and the cached time.
 *
 *   node scripts/bench-validate.mjs [--runs 3] [--quick] [--only hub,cloudflare,synthetic] [--paths 5000]
 *
 * Prints one JSON object. `run({ root, shared, runs, quick })` returns { results, markdown } for
 * scripts/bench.mjs. Needs dist/ (npm run prepare).
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureEach } from './bench-lib.mjs';
import { writeSyntheticSpec } from './make-synthetic-spec.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** The tools, each a [command, args] for one input file. */
function tools(root, work) {
  const node = process.execPath;
  const hub = join(root, 'bin', 'api-hub.js');
  const swaggerRunner = join(work, 'swagger-parser-validate.mjs');
  const swaggerEntry = join(root, 'node_modules', '@apidevtools', 'swagger-parser', 'lib', 'index.js');
  writeFileSync(
    swaggerRunner,
    `import SwaggerParser from ${JSON.stringify(swaggerEntry)};\n` +
      `try { await SwaggerParser.validate(process.argv[2]); } catch (e) { console.error(String(e && e.message).slice(0, 300)); process.exitCode = 1; }\n`,
  );
  return {
    apiHubCold: (file) => [node, [hub, 'validate', '--no-cache', '--format', 'json', file]],
    apiHubCached: (file) => [node, [hub, 'validate', '--format', 'json', file]],
    redocly: (file) => [
      node,
      [join(root, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js'), 'lint', '--extends', 'recommended', '--format', 'summary', file],
    ],
    swaggerParser: (file) => [node, [swaggerRunner, file]],
  };
}

export async function run({ root = resolve(here, '..'), shared, runs = 3, quick = false, only, paths = 5000 } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'api-hub-bench-validate-'));
  try {
    const inputs = [['hub', 'specs/openapi.yaml (built)', join(root, 'specs', 'openapi.yaml')]];
    const sharedDir = shared ?? (existsSync(join(root, '..', 'shared')) ? join(root, '..', 'shared') : undefined);
    const cloudflare = sharedDir && join(sharedDir, 'corpus', 'real-world', 'cloudflare.com__cloudflare.json');
    if (cloudflare && existsSync(cloudflare)) inputs.push(['cloudflare', 'Cloudflare (shared corpus)', cloudflare]);
    inputs.push(['synthetic', `synthetic ${paths} paths`, writeSyntheticSpec({ paths, format: 'yaml', out: join(work, `synthetic-${paths}.yaml`) })]);

    const t = tools(root, work);
    const env = { CI: 'true', REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' };
    const results = {};
    for (const [key, label, file] of inputs) {
      if (only && !only.includes(key)) continue;
      process.stderr.write(`bench validate: ${label}\n`);
      const row = { file: file.startsWith(root) ? file.slice(root.length + 1) : file, bytes: statSync(file).size };
      const command = (name, n) => {
        const [cmd, args] = t[name](file);
        return { cmd, args, runs: n, cwd: root, env };
      };
      measureEach({ warm: command('apiHubCached', 1) }); // fills the result cache the cached runs read
      // In turns, so that the ratios hold when the machine's speed drifts; the slow tool runs once in --quick mode.
      Object.assign(
        row,
        measureEach({
          apiHubCold: command('apiHubCold', runs),
          apiHubCached: command('apiHubCached', quick ? Math.max(runs, 3) : runs * 2),
          redocly: command('redocly', quick ? 1 : runs),
          swaggerParser: command('swaggerParser', runs),
        }),
      );
      row.ratios = {
        redoclyOverApiHub: +(row.redocly.medianMs / row.apiHubCold.medianMs).toFixed(1),
        swaggerParserOverApiHub: +(row.swaggerParser.medianMs / row.apiHubCold.medianMs).toFixed(2),
        cachedSeconds: +(row.apiHubCached.medianMs / 1000).toFixed(2),
      };
      // Issue 14: ≥ 2× swagger-parser and ≥ 5× redocly on the real specs, ≥ 10× redocly on the synthetic one.
      row.targets = {
        redocly: key === 'synthetic' ? '≥ 10×' : '≥ 5×',
        redoclyMet: row.ratios.redoclyOverApiHub >= (key === 'synthetic' ? 10 : 5),
        swaggerParserMet: key === 'synthetic' || row.ratios.swaggerParserOverApiHub >= 2,
        cachedUnder300ms: row.apiHubCached.medianMs < 300,
      };
      results[key] = row;
    }
    return { results, markdown: markdown(results, runs) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function markdown(results, runs) {
  const s = (r) => `${(r.medianMs / 1000).toFixed(2)} s / ${r.peakRssMB ?? '?'} MB`;
  const lines = [
    `Median wall time / peak RSS, whole process, ${runs} run(s) each (redocly: \`lint --extends recommended --format summary\`; swagger-parser: \`validate()\` in a child process).`,
    '',
    '| input | size | api-hub (no cache) | api-hub (cached) | redocly lint | swagger-parser | redocly ÷ api-hub | swagger-parser ÷ api-hub |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const [key, r] of Object.entries(results)) {
    lines.push(
      `| ${key} | ${(r.bytes / 1048576).toFixed(1)} MB | ${s(r.apiHubCold)} | ${s(r.apiHubCached)} | ${s(r.redocly)} | ${s(r.swaggerParser)} | ${r.ratios.redoclyOverApiHub}× | ${r.ratios.swaggerParserOverApiHub}× |`,
    );
  }
  lines.push(
    '',
    'Targets: ≥ 2× faster than swagger-parser and ≥ 5× faster than redocly lint on the built document and Cloudflare, ≥ 10× faster than redocly lint on the synthetic one; a cached re-run < 0.3 s.',
  );
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const arg = (name) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
  const quick = args.includes('--quick');
  const out = await run({
    runs: Number(arg('runs') ?? (quick ? 1 : 3)),
    quick,
    only: arg('only')?.split(','),
    paths: Number(arg('paths') ?? 5000),
  });
  process.stdout.write(JSON.stringify(out.results, null, 2) + '\n');
  process.stderr.write(out.markdown + '\n');
}

#!/usr/bin/env node
/**
 * Benchmark of `api-hub docs` (issue 16) next to `redocly build-docs` on the same document
 * (specs/openapi.yaml), in the same run:
 * - whole-process median wall time and peak RSS (GNU time) of each;
 * - what a reader downloads: the site's first page (index.html + the stylesheet and scripts it
 *   loads, the search index included), its largest and median model page, the whole site
 *   without the document copy; Redoc's one HTML page (it holds the whole document);
 * - linearity: the site built in process (no parse, no writes) from the registry as it is and
 *   with every model twice; the time should double, no more.
 *
 *   node scripts/bench-docs.mjs [--runs 3]
 *
 * Prints one JSON object. `run({ root, runs })` returns { results, markdown } for
 * scripts/bench.mjs (section `docs`). Needs dist/ (npm run prepare).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { measure, median } from './bench-lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));

function files(dir, prefix = '') {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...files(join(dir, e.name), `${prefix}${e.name}/`));
    else out.push(`${prefix}${e.name}`);
  }
  return out;
}

function siteSizes(site) {
  const size = (f) => statSync(join(site, f)).size;
  const index = readFileSync(join(site, 'index.html'), 'utf8');
  const assets = [...index.matchAll(/(?:src|href)="(assets\/[^"]+)"/g)].map((m) => m[1]);
  const all = files(site).filter((f) => !f.startsWith('.') && f !== 'openapi.yaml' && f !== 'openapi.json');
  const models = all.filter((f) => f.startsWith('models/')).map(size);
  return {
    firstPageKB: Math.round((Buffer.byteLength(index) + assets.reduce((n, a) => n + size(a), 0)) / 1024),
    searchIndexKB: Math.round(size('assets/models.js') / 1024),
    modelPages: models.length,
    largestModelPageKB: Math.round(Math.max(...models) / 1024),
    medianModelPageKB: Math.round(median(models) / 1024),
    siteMB: Number((all.reduce((n, f) => n + size(f), 0) / 1048576).toFixed(1)),
    files: all.length,
  };
}

/** The site built in process from the loaded input, with the models as they are and each twice. */
async function linearity(root, runs) {
  const site = await import(pathToFileURL(join(root, 'dist', 'site', 'index.js')).href);
  const loaded = await site.loadSiteInput(root);
  const base = loaded.input;
  const twice = { ...base, models: [...base.models, ...base.models.map((m) => ({ ...m, entry: { ...m.entry, id: `${m.entry.id}-copy` } }))] };
  const time = (input) => {
    const ms = [];
    for (let i = 0; i < Math.max(runs, 2); i++) {
      const t = performance.now();
      site.buildSite(input);
      ms.push(performance.now() - t);
    }
    return Math.round(median(ms));
  };
  time(base); // warm-up
  const one = time(base);
  const two = time(twice);
  return { models: base.models.length, buildMs: one, twiceModels: twice.models.length, twiceBuildMs: two, ratio: Number((two / one).toFixed(2)) };
}

export async function run({ root = resolve(here, '..'), runs = 3 } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'api-hub-bench-docs-'));
  try {
    const node = process.execPath;
    const doc = join(root, 'specs', 'openapi.yaml');
    const site = join(work, 'site');
    const hub = measure(node, [join(root, 'bin', 'api-hub.js'), 'docs', '--out', site], { runs, cwd: root, env: { CI: 'true' } });
    const hubSizes = siteSizes(site);
    const redocOut = join(work, 'redoc', 'index.html');
    const redocly = measure(node, [join(root, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js'), 'build-docs', doc, '-o', redocOut], {
      runs,
      cwd: work,
      env: { CI: 'true', REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' },
    });
    let redocKB = null;
    try {
      redocKB = Math.round(statSync(redocOut).size / 1024);
    } catch {
      /* redocly failed: its exit codes say so */
    }
    const lin = await linearity(root, runs);
    const results = {
      apiHubDocs: { ...hub, ...hubSizes },
      redoclyBuildDocs: { ...redocly, pageKB: redocKB },
      linearity: lin,
      documentMB: Number((statSync(doc).size / 1048576).toFixed(1)),
    };
    const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
    const markdown = [
      `The same document (specs/openapi.yaml, ${results.documentMB} MB): median wall time of the whole process, peak RSS, and what a reader downloads.`,
      '',
      '| tool | median wall | peak RSS | first page | largest model page | output |',
      '|---|---|---|---|---|---|',
      `| api-hub docs | ${s(hub.medianMs)} | ${hub.peakRssMB ?? '?'} MB | ${hubSizes.firstPageKB} KB (search index ${hubSizes.searchIndexKB} KB) | ${hubSizes.largestModelPageKB} KB (median ${hubSizes.medianModelPageKB} KB) | ${hubSizes.files} files, ${hubSizes.siteMB} MB + the document |`,
      `| redocly build-docs | ${s(redocly.medianMs)} | ${redocly.peakRssMB ?? '?'} MB | ${redocKB ?? '?'} KB (one page, the whole document) | n/a | 1 file, exit ${redocly.exitCodes.join('/')} |`,
      '',
      `Linearity (in process, no parse or writes): ${lin.models} models ${lin.buildMs} ms; ${lin.twiceModels} models ${lin.twiceBuildMs} ms (× ${lin.ratio}).`,
    ].join('\n');
    return { results, markdown };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 3;
  const { results, markdown } = await run({ runs });
  process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  process.stderr.write(markdown + '\n');
}

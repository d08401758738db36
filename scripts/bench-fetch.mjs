#!/usr/bin/env node
/**
 * Benchmark of `api-hub fetch` (issue 4): 1,000 FAL models in pages of 50 plus
 * their prices, from a local server that adds 50 ms of latency to every
 * response. Reports the wall time against the sequential lower bound
 * (requests × latency) and the cursor critical path (pages × latency: each page
 * needs the previous page's cursor), the peak memory of the fetch process, and
 * the most requests the server saw in flight at once against the configured
 * concurrency.
 *
 *   node scripts/bench-fetch.mjs [--models 1000] [--page-size 50] [--latency 50] [--concurrency 4] [--runs 1] [--dir /dev/shm]
 *
 * Prints one JSON object. `benchFetch(options)` returns the same object, for
 * scripts/bench.mjs. Needs dist/ (npm run prepare) and tests/fixtures/fetch/.
 */
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const KEY = 'bench-fake-key-0000';

/** `count` model items cloned from the real fixture items, with new ids (documents keep their real size). */
async function syntheticCatalog(count) {
  const { models } = JSON.parse(await readFile(join(root, 'tests/fixtures/fetch/fal-models.json'), 'utf8'));
  const items = [];
  const prices = [];
  for (let i = 0; i < count; i++) {
    const src = models[i % models.length];
    const id = `bench/${src.endpoint_id.replace(/\//g, '-')}/${String(i).padStart(4, '0')}`;
    items.push({ ...src, endpoint_id: id, metadata: { ...src.metadata, display_name: `${src.metadata?.display_name ?? id} #${i}` } });
    prices.push({ endpoint_id: id, unit_price: 0.001 * (i % 50), unit: 'image', currency: 'USD' });
  }
  return { items, prices };
}

function startServer({ items, prices, pageSize, latencyMs }) {
  const stats = { requests: 0, pages: 0, pricing: 0, inFlight: 0, maxInFlight: 0, first: 0, last: 0, bytes: 0 };
  const server = createServer((req, res) => {
    stats.requests++;
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    if (!stats.first) stats.first = performance.now();
    const u = new URL(req.url ?? '/', 'http://x');
    let body;
    if (u.pathname === '/v1/models') {
      stats.pages++;
      const cursor = u.searchParams.get('cursor');
      const page = cursor ? Number(Buffer.from(cursor, 'base64').toString('utf8')) : 1;
      const slice = items.slice((page - 1) * pageSize, page * pageSize);
      const hasMore = page * pageSize < items.length;
      body = { models: slice, next_cursor: hasMore ? Buffer.from(String(page + 1)).toString('base64') : null, has_more: hasMore };
    } else if (u.pathname === '/v1/models/pricing') {
      stats.pricing++;
      const ids = new Set(u.searchParams.getAll('endpoint_id'));
      body = { prices: prices.filter((p) => ids.has(p.endpoint_id)), next_cursor: null, has_more: false };
    } else {
      body = { error: { type: 'not_found', message: 'no route' } };
    }
    const text = JSON.stringify(body);
    setTimeout(() => {
      stats.bytes += Buffer.byteLength(text);
      res.writeHead(u.pathname.startsWith('/v1/models') ? 200 : 404, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text, () => {
        stats.inFlight--;
        stats.last = performance.now();
      });
    }, latencyMs);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, stats, url: `http://127.0.0.1:${server.address().port}` })));
}

/** Run the real CLI entry point in a child process and report its exit code and peak RSS. */
function runFetch(cwd, url, concurrency) {
  const entry = pathToFileURL(join(root, 'dist/cli/main.js')).href;
  const driver = `
    const { main } = await import(${JSON.stringify(entry)});
    const t0 = performance.now();
    const code = await main(['--quiet', 'fetch', '--provider', 'fal', '--concurrency', ${JSON.stringify(String(concurrency))}]);
    process.stdout.write(JSON.stringify({ code, fetchMs: performance.now() - t0, maxRssKiB: process.resourceUsage().maxRSS }) + '\\n');
  `;
  const env = { ...process.env, CI: 'true', FAL_API_BASE_URL: url, FAL_API_KEY: KEY };
  for (const k of ['FAL_KEY', 'COMET_API_KEY', 'API_HUB_FETCH_CONCURRENCY', 'API_HUB_ROOT']) delete env[k];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--input-type=module', '-e', driver], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', () => {
      const wallMs = performance.now() - started;
      const last = out.trim().split('\n').pop() ?? '';
      try {
        resolve({ ...JSON.parse(last), wallMs, stderr: err });
      } catch {
        reject(new Error(`fetch did not report: ${err || out}`));
      }
    });
  });
}

/** One fetch into a fresh project under `dir`. */
async function fetchOnce({ catalog, models, pageSize, latencyMs, concurrency, dir }) {
  const { server, stats, url } = await startServer({ ...catalog, pageSize, latencyMs });
  const cwd = await mkdtemp(join(dir, 'api-hub-bench-fetch-'));
  try {
    const r = await runFetch(cwd, url, concurrency);
    if (r.code !== 0) throw new Error(`fetch exited ${r.code}: ${r.stderr}`);
    const listing = JSON.parse(await readFile(join(cwd, 'specs/providers/fal/models.json'), 'utf8'));
    const documents = (await readdir(join(cwd, 'specs/providers/fal/openapi'))).length;
    const networkMs = stats.last - stats.first;
    const sequentialBoundMs = stats.requests * latencyMs;
    const criticalPathMs = stats.pages * latencyMs;
    return {
      benchmark: 'fetch',
      models,
      pageSize,
      latencyMs,
      concurrency,
      requests: stats.requests,
      pageRequests: stats.pages,
      pricingRequests: stats.pricing,
      megabytesServed: +(stats.bytes / 1048576).toFixed(1),
      /** The whole process, from spawn to exit (Node start-up and module loading included). */
      wallMs: Math.round(r.wallMs),
      /** The fetch command itself: requests, snapshot, registry, drift report. */
      fetchMs: Math.round(r.fetchMs),
      /** From the first request the server saw to its last response. */
      networkMs: Math.round(networkMs),
      sequentialBoundMs,
      criticalPathMs,
      wallVsSequential: +(r.wallMs / sequentialBoundMs).toFixed(2),
      fetchVsSequential: +(r.fetchMs / sequentialBoundMs).toFixed(2),
      networkVsSequential: +(networkMs / sequentialBoundMs).toFixed(2),
      peakRssMiB: +(r.maxRssKiB / 1024).toFixed(1),
      maxObservedConcurrency: stats.maxInFlight,
      withinConcurrency: stats.maxInFlight <= concurrency,
      snapshot: { models: listing.models.length, documents, priced: listing.models.filter((m) => m.pricing).length },
    };
  } finally {
    server.close();
    await rm(cwd, { recursive: true, force: true });
  }
}

/**
 * The median (by wall time) of `runs` fetches into a fresh project under `dir`
 * (default: the system temp directory).
 */
export async function benchFetch({ models = 1000, pageSize = 50, latencyMs = 50, concurrency = 4, runs = 1, dir = tmpdir() } = {}) {
  const catalog = await syntheticCatalog(models);
  const all = [];
  for (let i = 0; i < runs; i++) all.push(await fetchOnce({ catalog, models, pageSize, latencyMs, concurrency, dir }));
  all.sort((a, b) => a.wallMs - b.wallMs);
  const median = all[Math.floor((all.length - 1) / 2)];
  return {
    ...median,
    dir,
    runs,
    wallMsAll: all.map((r) => r.wallMs),
    peakRssMiB: Math.max(...all.map((r) => r.peakRssMiB)),
    maxObservedConcurrency: Math.max(...all.map((r) => r.maxObservedConcurrency)),
  };
}

/**
 * For scripts/bench.mjs: the fetch with the project on the system temp directory's disk and,
 * where there is one, on a RAM file system (/dev/shm). The snapshot is ~1,000 small files; on a
 * slow virtual disk creating them can cost as much as the network, so both are reported.
 */
export async function run({ runs = 3 } = {}) {
  // The project's own disk (bench/ is git-ignored), where a real fetch writes its snapshot; not the
  // system temp directory, which on some virtual machines is many times slower to create files in.
  const benchDir = join(root, 'bench');
  await mkdir(benchDir, { recursive: true });
  const places = [['disk', benchDir]];
  if (existsSync('/dev/shm')) places.push(['tmpfs', '/dev/shm']);
  const results = {};
  for (const [name, dir] of places) results[name] = await benchFetch({ runs, dir });
  const row = (name, r) =>
    `| ${name} (${r.dir}) | ${r.requests} (${r.pageRequests} pages, ${r.pricingRequests} pricing) | ${r.sequentialBoundMs} ms | ${r.wallMs} ms (**${r.wallVsSequential}×**) | ${r.fetchMs} ms (${r.fetchVsSequential}×) | ${r.networkMs} ms (${r.networkVsSequential}×) | ${r.peakRssMiB} MiB | ${r.maxObservedConcurrency} / ${r.concurrency} |`;
  const markdown = [
    `1,000 FAL models in pages of 50 plus pricing (batches of 50), local server adding 50 ms to every response; median of ${runs} run(s). Wall = the whole process (Node start-up included); fetch = the command; network = first request to last response.`,
    '',
    '| project on | requests | sequential bound | wall | fetch | network | peak RSS | max in flight / limit |',
    '|---|---|---|---|---|---|---|---|',
    ...Object.entries(results).map(([n, r]) => row(n, r)),
  ].join('\n');
  return { results, markdown };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : dflt;
  };
  const dirArg = args.indexOf('--dir');
  const result = await benchFetch({
    models: opt('models', 1000),
    pageSize: opt('page-size', 50),
    latencyMs: opt('latency', 50),
    concurrency: opt('concurrency', 4),
    runs: opt('runs', 1),
    ...(dirArg >= 0 ? { dir: args[dirArg + 1] } : {}),
  });
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}

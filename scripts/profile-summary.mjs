#!/usr/bin/env node
// Summarize a V8 .cpuprofile (from `node --cpu-prof --cpu-prof-dir=DIR bin/api-hub.js …`):
// self and inclusive time by package and by function. Used for the "where the time went" tables.
// Usage: node scripts/profile-summary.mjs FILE.cpuprofile [TOP=25]
// Inclusive times follow the sampled call stacks, so work after an `await` is counted under the
// function that resumed it, not under its async caller.
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node scripts/profile-summary.mjs FILE.cpuprofile [TOP]\n');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfTime = new Map();
for (let i = 0; i < profile.samples.length; i++) selfTime.set(profile.samples[i], (selfTime.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
const total = [...selfTime.values()].reduce((a, b) => a + b, 0);

/** A package name for node_modules, `node:internal` for Node's own code, `hub:<stage>` for dist/<stage>. */
function owner(url) {
  if (!url) return '(native: gc, idle, program)';
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node:internal';
  const stage = url.match(/\/(?:dist|src)\/([^/]+)/);
  return stage ? `hub:${stage[1]}` : url.replace(/^file:\/\/.*\//, '');
}
const label = (cf) => `${cf.functionName || '(anonymous)'}  ${owner(cf.url)}:${cf.url.split('/').pop()}:${cf.lineNumber + 1}`;
const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);

const selfPkg = new Map();
const selfFn = new Map();
const incPkg = new Map();
const incFn = new Map();
for (const [id, t] of selfTime) {
  const cf = byId.get(id).callFrame;
  add(selfPkg, owner(cf.url), t);
  add(selfFn, label(cf), t);
  const seenFn = new Set();
  const seenPkg = new Set();
  for (let x = id; x !== undefined; x = parent.get(x)) {
    const c = byId.get(x).callFrame;
    const f = label(c);
    const p = owner(c.url);
    // A recursive function or a package calling itself counts once per sample.
    if (!seenFn.has(f)) {
      seenFn.add(f);
      add(incFn, f, t);
    }
    if (!seenPkg.has(p)) {
      seenPkg.add(p);
      add(incPkg, p, t);
    }
  }
}
const show = (title, m, n) => {
  const rows = [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  return [`\n## ${title}`, ...rows.map(([k, v]) => `${(v / 1000).toFixed(0).padStart(7)} ms ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`)].join('\n');
};
process.stdout.write(
  [`total sampled: ${(total / 1000).toFixed(0)} ms`, show('self, by package', selfPkg, 20), show('inclusive, by package', incPkg, 20), show('self, by function', selfFn, top), show('inclusive, by function', incFn, top)].join('\n') + '\n',
);

#!/usr/bin/env node
// Where the time goes: runs an api-hub command under V8's CPU profiler (`node --cpu-prof`) and sums the
// samples of each thread into phases (start-up, parse, walk and rules, structural check, positions,
// output, garbage collection), with the heaviest functions of each.
//   node scripts/profile.mjs [--top 8] [--keep DIR] -- validate --no-cache specs/openapi.yaml
// The .cpuprofile files (kept with --keep) open in Chrome DevTools or speedscope as flame graphs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const own = dash === -1 ? [] : argv.slice(0, dash);
const command = dash === -1 ? argv : argv.slice(dash + 1);
const opt = (name) => (own.includes(`--${name}`) ? own[own.indexOf(`--${name}`) + 1] : undefined);
const top = Number(opt('top') ?? 8);
const keep = opt('keep');
if (command.length === 0) {
  process.stderr.write('usage: node scripts/profile.mjs [--top N] [--keep DIR] -- <api-hub command and options>\n');
  process.exit(2);
}

/** The phase a sample belongs to, from the script and function it ran in. */
export function phaseOf(url, fn) {
  if (fn === '(garbage collector)') return 'gc';
  if (fn === '(idle)' || fn === '(program)') return fn.slice(1, -1);
  if (/js-yaml|\/yaml\/|core\/parse\.js|core\/yaml|parse\/parse-text|parse\/limits|parse\/decode/.test(url)) return 'parse';
  if (/validate\/schemas\/compiled|validate\/struct|ajv/.test(url)) return 'structural check';
  if (/validate\/(walk|rules|examples|refs)\//.test(url) || /validate\/walk\.js/.test(url)) return 'walk and rules';
  if (/core\/positions|validate\/locate|ignore\/stable-id/.test(url)) return 'positions';
  if (/validate\/format|cli\/print|cli\/commands/.test(url)) return 'output';
  if (/openapi-typescript|typescript\/lib/.test(url)) return 'generate';
  if (/normalize\//.test(url)) return 'build';
  if (url.startsWith('node:internal/modules') || fn === 'compileSourceTextModule' || fn === 'compileForInternalLoader' || /^node:internal\/bootstrap/.test(url))
    return 'start-up (module loading)';
  if (url === '' && fn.startsWith('RegExp:')) return 'regexps';
  return 'other';
}

const dir = keep ?? mkdtempSync(join(tmpdir(), 'api-hub-profile-'));
const started = process.hrtime.bigint();
const run = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, join(root, 'bin', 'api-hub.js'), ...command], {
  cwd: process.cwd(),
  env: { ...process.env, CI: 'true' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
const lines = [`# ${['api-hub', ...command].join(' ')}`, '', `wall ${wallMs.toFixed(0)} ms, exit ${run.status}`, ''];
for (const name of readdirSync(dir)
  .filter((f) => f.endsWith('.cpuprofile'))
  .sort()) {
  const profile = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const phases = new Map();
  const fns = new Map();
  let total = 0;
  for (const node of profile.nodes) {
    const us = self.get(node.id);
    if (!us) continue;
    total += us;
    const { url, functionName, lineNumber } = node.callFrame;
    const phase = phaseOf(url, functionName || '(anonymous)');
    phases.set(phase, (phases.get(phase) ?? 0) + us);
    const key = `${phase}\u0000${functionName || '(anonymous)'} ${url.replace(/.*node_modules\//, '').replace(/.*\/dist\//, '')}:${lineNumber + 1}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
  }
  lines.push(`## thread ${name.split('.').slice(-3, -2)[0] === '001' ? 'main' : name}`, '', `| phase | ms | share |`, `|---|---|---|`);
  for (const [phase, us] of [...phases].sort((a, b) => b[1] - a[1]))
    lines.push(`| ${phase} | ${(us / 1000).toFixed(0)} | ${((100 * us) / total).toFixed(0)}% |`);
  lines.push('', `heaviest functions (self time):`, '');
  for (const [key, us] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    const [phase, fn] = key.split('\u0000');
    lines.push(`- ${(us / 1000).toFixed(0)} ms  ${fn}  (${phase})`);
  }
  lines.push('');
}
process.stdout.write(`${lines.join('\n')}\n`);
if (!keep) rmSync(dir, { recursive: true, force: true });

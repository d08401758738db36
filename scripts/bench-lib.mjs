// Shared helpers for the benchmark modules: run a command N times, take the median wall
// time and the peak RSS (GNU time's %M), in a child process each time.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Run `cmd args` `runs` times; returns { medianMs, peakRssMB, runs, exitCodes }. */
export function measure(cmd, args, { runs = 3, cwd, env } = {}) {
  return measureEach({ only: { cmd, args, runs, cwd, env } }).only;
}

/**
 * Several commands measured in turns (A B C, A B C, …) rather than one after the other, so that a
 * machine that speeds up or slows down during the bench (seen here: ±40% within minutes) moves every
 * command's times alike, and the ratios between them stay fair. `commands`: name → { cmd, args,
 * runs = 3, cwd, env }; a command with fewer runs drops out of the later turns. Returns name →
 * { medianMs, peakRssMB, runs, exitCodes }.
 */
export function measureEach(commands) {
  const entries = Object.entries(commands).map(([name, c]) => ({ name, ...c, runs: c.runs ?? 3, times: [], rss: [], exitCodes: [] }));
  const turns = Math.max(...entries.map((e) => e.runs));
  for (let i = 0; i < turns; i++) {
    for (const e of entries) {
      if (i >= e.runs) continue;
      const argv = GNU_TIME ? ['-f', '%M', e.cmd, ...e.args] : e.args;
      const start = performance.now();
      const r = spawnSync(GNU_TIME ?? e.cmd, argv, { cwd: e.cwd, env: { ...process.env, ...e.env }, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
      e.times.push(performance.now() - start);
      e.exitCodes.push(r.status);
      if (GNU_TIME) {
        const kb = Number(r.stderr.trim().split('\n').pop());
        if (Number.isFinite(kb)) e.rss.push(kb / 1024);
      }
    }
  }
  return Object.fromEntries(
    entries.map((e) => [
      e.name,
      { medianMs: Math.round(median(e.times)), peakRssMB: e.rss.length ? Math.round(Math.max(...e.rss)) : null, runs: e.runs, exitCodes: e.exitCodes },
    ]),
  );
}

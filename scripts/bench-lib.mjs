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
  const times = [];
  const rss = [];
  const exitCodes = [];
  for (let i = 0; i < runs; i++) {
    const argv = GNU_TIME ? ['-f', '%M', cmd, ...args] : args;
    const start = performance.now();
    const r = spawnSync(GNU_TIME ?? cmd, argv, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    times.push(performance.now() - start);
    exitCodes.push(r.status);
    if (GNU_TIME) {
      const last = r.stderr.trim().split('\n').pop();
      const kb = Number(last);
      if (Number.isFinite(kb)) rss.push(kb / 1024);
    }
  }
  return { medianMs: Math.round(median(times)), peakRssMB: rss.length ? Math.round(Math.max(...rss)) : null, runs, exitCodes };
}

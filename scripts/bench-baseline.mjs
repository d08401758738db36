// An earlier commit of api-hub, ready to run beside the current code in the same bench run:
// `git archive REV` unpacked under bench/baseline-REV/ (no .git, so its install scripts cannot
// touch this repository's hooks), its dependencies installed from its own package-lock.json
// without scripts, and its CLI compiled. Kept between runs (bench/ is git-ignored).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The baseline's root folder, prepared on first use; undefined (with the reason logged) if it cannot be. */
export function prepareBaseline(root, rev, log = (s) => process.stderr.write(`${s}\n`)) {
  const dir = join(root, 'bench', `baseline-${rev}`);
  if (existsSync(join(dir, 'dist', 'cli', 'main.js'))) return dir;
  const run = (cmd, args, cwd) => {
    const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], shell: false });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
  };
  try {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    log(`bench: preparing baseline ${rev} in ${dir} (git archive, npm ci, tsc)`);
    run('sh', ['-c', `git -C "${root}" archive "${rev}" | tar -x -C "${dir}"`], root);
    run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], dir);
    run(join(dir, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], dir);
    return dir;
  } catch (err) {
    log(`bench: baseline ${rev} unavailable: ${err.message}`);
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}

#!/usr/bin/env node
// Installs the repository's git hooks (.githooks/) for everyone, from the `prepare` script that
// `npm install` and `npm ci` run: `git config core.hooksPath .githooks`.
//
// It never fails the install. It does nothing when:
// - this is not a git work tree (a tarball, a Docker build context), or git is not installed;
// - the package is installed as a dependency of another project;
// - core.hooksPath already points somewhere else (another hook manager is in charge: say so).
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HOOKS = '.githooks';

function git(args) {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

function main() {
  if (root.split(sep).includes('node_modules')) return;
  let top;
  try {
    if (git(['rev-parse', '--is-inside-work-tree']) !== 'true') return;
    top = git(['rev-parse', '--show-toplevel']);
  } catch {
    return; // not a git work tree, or no git
  }
  if (!existsSync(join(root, HOOKS, 'pre-commit'))) return;
  const wanted = relative(top, join(root, HOOKS)).split(sep).join('/') || HOOKS;
  let current = '';
  try {
    current = git(['config', '--get', 'core.hooksPath']);
  } catch {
    // unset
  }
  if (current && current !== wanted && resolve(top, current) !== join(root, HOOKS)) {
    console.warn(
      `api-hub: core.hooksPath is already ${current}; not installing ${wanted} (run \`git config core.hooksPath ${wanted}\` to use the api-hub hooks)`,
    );
    return;
  }
  for (const hook of ['pre-commit', 'validate-staged.mjs']) {
    try {
      chmodSync(join(root, HOOKS, hook), 0o755);
    } catch {
      // read-only checkout: git runs the hook only if it is executable; nothing more to do here
    }
  }
  if (current !== wanted) {
    git(['config', 'core.hooksPath', wanted]);
    console.log(`api-hub: git hooks installed (core.hooksPath = ${wanted}); skip them with git commit --no-verify`);
  }
}

try {
  main();
} catch (err) {
  console.warn(`api-hub: git hooks not installed (${err instanceof Error ? err.message : String(err)})`);
}

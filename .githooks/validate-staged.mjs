#!/usr/bin/env node
// Run by .githooks/pre-commit: `api-hub validate` on the OpenAPI files staged under specs/.
//
// - Only staged files (added, copied, modified, renamed) under specs/ ending in .yaml, .yml or .json,
//   and only those that are OpenAPI descriptions (an `openapi` or `swagger` field): catalogs such as
//   models.json or build-report.json are left alone. Nothing staged: exits at once, silently.
// - What is validated is what will be committed: when a staged spec also has unstaged changes,
//   specs/ is exported from the index to a temporary directory and validated there.
// - Exit code of `api-hub validate`: 1 (problems) or 2 (unreadable input) blocks the commit.
//   Warnings never block and are only counted. Skip the hook in an emergency with `git commit --no-verify`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const git = (args, options = {}) => execFileSync('git', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
const root = git(['rev-parse', '--show-toplevel']).trim();
const SPEC = /^specs\/.+\.(ya?ml|json)$/i;

const staged = git(['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z', '--', 'specs'], { cwd: root })
  .split('\0')
  .filter((f) => SPEC.test(f));
if (staged.length === 0) process.exit(0);

// OpenAPI or not, judged on the staged content (a cheap look at the top-level keys: at the start of
// a line, indented at most two spaces, so a nested `"openapi": {...}` such as FAL's models.json entries is not one).
const OPENAPI = /^(?:\{\s*)?(?: {0,2}|\t)?["']?(openapi|swagger)["']?\s*:/m;
const specs = staged.filter((f) => {
  const head = git(['cat-file', 'blob', `:${f}`], { cwd: root }).slice(0, 65536);
  return OPENAPI.test(head);
});
if (specs.length === 0) process.exit(0);

const cli = join(root, 'bin', 'api-hub.js');
if (!existsSync(cli)) {
  console.error('api-hub pre-commit: bin/api-hub.js not found; specs were not validated');
  process.exit(0);
}

// Partially staged specs: validate the index, not the working tree.
const unstaged = new Set(git(['diff', '--name-only', '-z', '--', 'specs'], { cwd: root }).split('\0').filter(Boolean));
let cwd = root;
let tmp;
if (specs.some((f) => unstaged.has(f))) {
  tmp = mkdtempSync(join(tmpdir(), 'api-hub-staged-'));
  const files = git(['ls-files', '-z', '--', 'specs'], { cwd: root });
  execFileSync('git', ['checkout-index', '-z', '--stdin', `--prefix=${tmp}/`], { cwd: root, input: files });
  cwd = tmp;
}

console.error(`api-hub pre-commit: validating ${specs.length} staged spec file${specs.length === 1 ? '' : 's'}`);
const config = ['redocly.yaml', 'redocly.yml', '.redocly.yaml', '.redocly.yml'].map((n) => join(root, n)).find((p) => existsSync(p));
// --quiet: errors in full, warnings only counted (the built document has thousands; `npm run validate:oas` lists them).
const args = [cli, '--quiet', 'validate', ...(config ? ['--config', config] : []), ...specs];
const r = spawnSync(process.execPath, args, { cwd, stdio: 'inherit', env: { ...process.env, API_HUB_ROOT: cwd } });
if (tmp) rmSync(tmp, { recursive: true, force: true });
const status = r.status ?? 2;
if (status !== 0) {
  console.error('\napi-hub pre-commit: commit blocked. Fix the problems above (or, in an emergency, commit with `git commit --no-verify`).');
}
process.exit(status);

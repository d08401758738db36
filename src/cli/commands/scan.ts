import type { Command } from 'commander';
import { join, relative, resolve, sep } from 'node:path';
import type { CliContext } from '../context.js';
import type { SetExit } from './index.js';
import { ExitCode, HubError } from '../../core/errors.js';

interface ScanCliOptions {
  staged?: boolean;
  since?: string;
  json?: boolean;
}

/**
 * `api-hub scan [paths] [--staged] [--since REV]`: secrets in files, in the
 * staged content (the pre-commit hook), or in the lines commits added.
 * Findings show a masked excerpt and a fingerprint, never the secret.
 */
export function registerScan(program: Command, ctx: CliContext, setExit: SetExit): void {
  program
    .command('scan')
    .description('look for API keys and other secrets in files, the staged content or history; exit 1 when one is found')
    .argument('[paths...]', 'files or directories to scan (default: every tracked or untracked, not ignored file)')
    .option('--staged', 'scan what the next commit holds (the index); the pre-commit hook runs this')
    .option('--since <rev>', 'scan the lines added by every commit in REV..HEAD (e.g. origin/main, a tag)')
    .option('--json', 'print findings as JSON')
    .addHelpText(
      'after',
      `
Finds FAL keys (id:secret), Comet/OpenAI sk-… keys, Apidog APS-… tokens, tokens in
Authorization headers, high-entropy values beside key-like names (FAL_KEY=, api_key:,
x-api-key …), any .env* file except .env.example, and everything secretlint's recommended
preset knows (AWS, GCP, GitHub, Slack, npm, private keys, OpenAI …).

A finding shows file:line, a masked excerpt and a fingerprint (a hash, not the secret).
To allow a false positive, add an entry with a reason to .secretscan-allow.yaml:
  allow:
    - fingerprint: 0123456789ab
      reason: documentation example, not a real key
(or path: tests/fixtures/ with rule: generic-secret). In an emergency: git commit --no-verify.

Examples:
  api-hub scan
  api-hub scan --staged
  api-hub scan --since origin/main
  api-hub scan specs/ --json`,
    )
    .action(async (paths: string[], opts: ScanCliOptions) => {
      if (opts.staged && opts.since) throw new HubError('--staged and --since cannot be combined');
      const started = performance.now();
      const [scan, { readDataFile }, { exists }] = await Promise.all([import('../../scan/index.js'), import('../../core/read.js'), import('../../core/fs.js')]);
      const top = scan.gitTop(ctx.root);
      if (!top) throw new HubError(`${ctx.root} is not inside a git work tree (api-hub scan lists files, the index and history through git)`);
      // Paths are given relative to where the command runs; git wants them relative to the top.
      const rel = paths.map((p) => relative(top, resolve(ctx.root, p)).split(sep).join('/') || '.');
      if (opts.staged && rel.length > 0) throw new HubError('--staged scans the whole index; give no paths with it');
      const allowPath = join(top, scan.ALLOWLIST_FILE);
      const allow = (await exists(allowPath)) ? scan.parseAllowlist((await readDataFile(allowPath, scan.ALLOWLIST_FILE)).data) : [];
      const sources = opts.staged ? scan.stagedSources(top) : opts.since ? scan.historySources(top, opts.since, rel) : await scan.workTreeSources(top, rel);
      const result = await scan.scanSources(sources, allow);
      const ms = Math.round(performance.now() - started);
      if (opts.json) {
        ctx.stdout(`${JSON.stringify({ files: result.files, allowed: result.allowed, findings: result.findings }, null, 2)}\n`);
      } else {
        for (const f of result.findings) ctx.stdout(scan.formatFinding(f));
      }
      const what = opts.staged ? 'staged file' : opts.since ? 'changed file' : 'file';
      const allowedNote = result.allowed > 0 ? ` (${result.allowed} allowed by ${scan.ALLOWLIST_FILE})` : '';
      if (result.findings.length > 0) {
        ctx.stderr(
          `api-hub scan: ${result.findings.length} possible secret${result.findings.length === 1 ? '' : 's'} in ${new Set(result.findings.map((f) => f.file)).size} file(s)${allowedNote}.\n` +
            `  Remove the secret (and rotate it if it was ever pushed). For a false positive, add {fingerprint, reason} to ${scan.ALLOWLIST_FILE}` +
            `${opts.staged ? ', or commit with git commit --no-verify' : ''}.\n`,
        );
        setExit(ExitCode.findings);
      } else if (!ctx.quiet && !opts.json) {
        ctx.stderr(`api-hub scan: no secrets in ${result.files} ${what}${result.files === 1 ? '' : 's'}${allowedNote} (${ms} ms)\n`);
      }
    });
}

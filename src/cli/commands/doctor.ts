import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import type { SetExit } from './index.js';
import { ExitCode } from '../../core/errors.js';

interface DoctorFlags {
  online?: boolean;
  json?: boolean;
}

/** `api-hub doctor [--online]`: is this checkout ready for the documented workflows? One screen. */
export function registerDoctor(program: Command, ctx: CliContext, setExit: SetExit): void {
  program
    .command('doctor')
    .description(
      'check this checkout: Node, keys (set or not, never their values), .env ignored, hooks, snapshot age, price coverage, push and usage readiness, MCP configs',
    )
    .option('--online', 'also ask FAL and Comet whether the keys that are set are accepted (one small request each, over https)')
    .option('--json', 'print the checks as JSON')
    .addHelpText(
      'after',
      `
Exit 1 when something blocks a documented workflow (Node too old, .env tracked or not ignored,
no registry, an unsound MCP config, a key rejected with --online); 0 otherwise. Keys that are not
set are listed with what they unlock: build, validate, generate and the MCP server need none.

Examples:
  api-hub doctor
  api-hub doctor --online`,
    )
    .action(async (flags: DoctorFlags) => {
      const [{ withDotEnv }, { runChecks }] = await Promise.all([import('../../core/env.js'), import('./doctor-checks.js')]);
      const checks = await runChecks(ctx.root, await withDotEnv(ctx.root, ctx.env), flags.online === true);
      const failed = checks.filter((c) => c.level === 'fail').length;
      if (flags.json) ctx.stdout(`${JSON.stringify({ ok: failed === 0, checks }, null, 2)}\n`);
      else {
        const mark = { ok: ctx.plain ? 'ok  ' : '✓   ', warn: ctx.plain ? 'warn' : '!   ', fail: ctx.plain ? 'FAIL' : '✗   ' } as const;
        const w = Math.max(...checks.map((c) => c.name.length));
        for (const c of checks) ctx.stdout(`${mark[c.level]} ${c.name.padEnd(w)}  ${c.detail}\n`);
        ctx.stdout(failed ? `\n${failed} problem(s) block a documented workflow.\n` : '\nNothing blocks the documented workflows.\n');
      }
      if (failed) setExit(ExitCode.findings);
    });
}

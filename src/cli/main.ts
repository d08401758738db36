import { Command, CommanderError } from 'commander';
import { HubError, ExitCode } from '../core/errors.js';
import { defaultContext, type CliContext } from './context.js';
import { registerCommands } from './commands/index.js';
import { packageVersion } from './version.js';

/**
 * The thin CLI: parses arguments, calls the library, and owns the exit codes
 * (0 success, 1 findings, 2 could not do its job).
 */
export async function main(argv: readonly string[], overrides: Partial<CliContext> = {}): Promise<number> {
  const ctx = defaultContext(overrides);
  let exitCode: number = ExitCode.ok;
  const program = new Command('api-hub')
    .description("BananaStudio API Hub: fetch, build, validate, generate and push the studio's AI-model APIs.")
    .version(packageVersion() ?? 'unknown', '-V, --version')
    .option('-q, --quiet', 'print only errors and final results')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout(s),
      writeErr: (s) => ctx.stderr(s),
    })
    .showHelpAfterError('(run `api-hub --help` for usage)')
    .hook('preAction', (cmd) => {
      if (cmd.opts<{ quiet?: boolean }>().quiet) ctx.quiet = true;
    });
  registerCommands(program, ctx, (code) => {
    exitCode = Math.max(exitCode, code);
  });
  try {
    await program.parseAsync(['node', 'api-hub', ...argv]);
  } catch (err) {
    return reportError(err, ctx);
  }
  return exitCode;
}

function reportError(err: unknown, ctx: CliContext): number {
  if (err instanceof CommanderError) {
    // --help and --version exit 0; usage errors exit 2 (commander already printed the message).
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return ExitCode.ok;
    if (err.code === 'commander.executeSubCommandAsync') return err.exitCode;
    return ExitCode.failure;
  }
  if (err instanceof HubError) {
    ctx.stderr(`api-hub: ${err.message}\n`);
    for (const d of err.diagnostics) {
      const where = [d.file, d.line ? `${d.line}:${d.column ?? 1}` : undefined].filter(Boolean).join(':');
      ctx.stderr(`  ${where ? where + ' ' : ''}${d.pointer ? `(${d.pointer}) ` : ''}${d.message}\n`);
    }
    return err.exitCode;
  }
  const e = err as Error;
  ctx.stderr(`api-hub: unexpected error: ${e?.message ?? String(err)}\n`);
  if (ctx.env.API_HUB_DEBUG) ctx.stderr(`${e?.stack ?? ''}\n`);
  return ExitCode.failure;
}

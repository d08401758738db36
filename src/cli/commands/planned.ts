import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import type { SetExit } from './index.js';
import { NotImplementedError } from '../../core/errors.js';

/**
 * Commands of the CLI contract whose capability is not built yet. They exist so
 * that `--help` shows the whole contract, and each one says plainly that it is
 * not available (exit 2) instead of pretending to work.
 */
export function registerPlanned(program: Command, _ctx: CliContext, _setExit: SetExit): void {
  // push and pull are built (push.ts, pull.ts); nothing of the contract is planned any more.
  const planned: Array<[string, string, string]> = [];
  for (const [name, usage, description] of planned) {
    program
      .command(usage)
      .description(`${description} (not built yet)`)
      .allowUnknownOption(true)
      .allowExcessArguments(true)
      .action(() => {
        throw new NotImplementedError(`\`api-hub ${name}\``);
      });
  }
}

import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import type { SetExit } from './index.js';
import { NotImplementedError } from '../../core/errors.js';

export function registerBuild(program: Command, _ctx: CliContext, _setExit: SetExit): void {
  program
    .command('build')
    .description('build (being built)')
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action(() => {
      throw new NotImplementedError('`api-hub build`');
    });
}

import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import type { SetExit } from './index.js';
import { ExitCode, HubError } from '../../core/errors.js';

const FORMATS = ['stylish', 'json'] as const;
const PLANNED_FORMATS = ['sarif', 'github', 'junit'];

interface ValidateFlags {
  format: string;
  maxWarnings?: string;
  allowRemoteRefs?: boolean;
  cache?: boolean;
}

export function registerValidate(program: Command, ctx: CliContext, setExit: SetExit): void {
  program
    .command('validate')
    .description('validate OpenAPI 2.0/3.0/3.1/3.2 files: structure (official schemas) and $refs')
    .argument('[files...]', 'files to validate (default: specs/openapi.yaml)')
    .option('--format <format>', `output format: ${FORMATS.join('|')}`, 'stylish')
    .option('--max-warnings <n>', 'exit 1 when there are more than N warnings')
    .option('--allow-remote-refs', 'do not report $refs to http(s) URLs (they are not fetched)')
    .option('--no-cache', 'accepted for compatibility; results are not cached yet')
    .action(async (files: string[], flags: ValidateFlags) => {
      const format = flags.format;
      if (!(FORMATS as readonly string[]).includes(format)) {
        const planned = PLANNED_FORMATS.includes(format) ? ' is not implemented yet' : ' is unknown';
        throw new HubError(`--format ${format}${planned} (available: ${FORMATS.join(', ')})`);
      }
      const maxWarnings = parseMaxWarnings(flags.maxWarnings);
      // Loaded on use: `api-hub --help` and the other commands never pay for the validators.
      const { formatJson, formatStylish, validateFiles } = await import('../../validate/index.js');
      const result = await validateFiles(files.length > 0 ? files : ['specs/openapi.yaml'], {
        root: ctx.root,
        allowRemoteRefs: flags.allowRemoteRefs ?? false,
      });
      ctx.stdout(format === 'json' ? formatJson(result) : formatStylish(result));
      if (result.fatal) setExit(ExitCode.failure);
      else if (result.errorCount > 0) setExit(ExitCode.findings);
      else if (maxWarnings !== undefined && result.warningCount > maxWarnings) {
        if (format !== 'json') ctx.stderr(`api-hub: ${result.warningCount} warnings, more than --max-warnings ${maxWarnings}\n`);
        setExit(ExitCode.findings);
      }
    });
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new HubError(`--max-warnings must be a whole number >= 0, not ${JSON.stringify(value)}`);
  return n;
}

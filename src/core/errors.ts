import type { Diagnostic } from './diagnostic.js';

/** Exit codes of the CLI contract (design.md). */
export const ExitCode = {
  ok: 0,
  findings: 1,
  failure: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * The one error type the library throws when a command cannot do its job.
 * The CLI wrapper maps it to a message and exit code 2. It carries
 * diagnostics so that the file and location are never lost.
 */
export class HubError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  readonly exitCode: ExitCode;

  constructor(message: string, options: { diagnostics?: readonly Diagnostic[]; exitCode?: ExitCode; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HubError';
    this.diagnostics = options.diagnostics ?? [];
    this.exitCode = options.exitCode ?? ExitCode.failure;
  }
}

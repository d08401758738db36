import type { FileReader } from '../validate/io.js';
import type { ValidateFilesOptions } from '../validate/validate-files.js';
import type { ValidateResult } from '../validate/types.js';
import type { ProjectConfig } from './config.js';
import { indexTwin } from './index-twin.js';

export interface ProjectValidateOptions {
  /** How files are read (the MCP server's confined reader, push's "the text sent is the text validated"). */
  reader?: FileReader;
  /** `--allow-remote-refs`; `x-api-hub.allowRemoteRefs` of redocly.yaml turns it on too. */
  allowRemoteRefs?: boolean;
  /** A second thread for the structural check of large files (default: when the machine has more than two CPUs). */
  parallel?: boolean;
  /** Called with the root document's text and parsed data whenever the validator could load it. */
  onRootLoaded?: (file: { data: unknown; text: string }) => void;
  /** The largest file read (`--max-file-size`). */
  maxFileBytes?: number;
  /** How far `$ref`s may reach: the file's project (the CLI), or the root given (the default: MCP, push, start). */
  refBoundary?: ValidateFilesOptions['refBoundary'];
  /** A root file's parsed twin (default: the project's JSON index of its built document, project/index-twin.ts). */
  twin?: ValidateFilesOptions['twin'];
}

/**
 * The one validation setup every face uses (CLI `validate`, `npm start`, the
 * pre-commit hook through the CLI, MCP `validate_spec`, push): the project's
 * redocly.yaml rules and its ignore file. A broken redocly.yaml or ignore file
 * is part of the verdict: its problems come first, and an error there makes
 * the run fatal, since it did not check what was asked.
 */
export async function validateInProject(config: ProjectConfig, files: readonly string[], options: ProjectValidateOptions = {}): Promise<ValidateResult> {
  const { validateFiles } = await import('../validate/validate-files.js');
  const result = await validateFiles([...files], {
    root: config.files.root,
    config: config.lint,
    ignore: config.ignore,
    allowRemoteRefs: (options.allowRemoteRefs ?? false) || config.lint.allowRemoteRefs,
    ...(options.reader ? { reader: options.reader } : {}),
    ...(options.parallel === undefined ? {} : { parallel: options.parallel }),
    ...(options.onRootLoaded ? { onRootLoaded: options.onRootLoaded } : {}),
    ...(options.maxFileBytes === undefined ? {} : { maxFileBytes: options.maxFileBytes }),
    ...(options.refBoundary === undefined ? {} : { refBoundary: options.refBoundary }),
    twin: options.twin ?? indexTwin,
  });
  return withSetupProblems(result, config);
}

/** The result with the configuration's own problems (redocly.yaml, ignore file) put first. */
export function withSetupProblems(result: ValidateResult, config: ProjectConfig): ValidateResult {
  const setup = [...config.problems.lint, ...config.problems.ignore].map((p) => ({ ...p, line: p.line ?? 1, column: p.column ?? 1 }));
  if (setup.length === 0) return result;
  result.problems.unshift(...setup);
  for (const p of setup) {
    if (p.severity === 'error') {
      result.errorCount++;
      result.fatal = true;
    } else if (p.severity === 'warn') result.warningCount++;
  }
  return result;
}

/** The project's validator for one file, in the shape push takes (`PushInput.validate`). */
export function specValidator(config: ProjectConfig): (path: string, options: ProjectValidateOptions) => Promise<ValidateResult> {
  return (path, options) => validateInProject(config, [path], options);
}

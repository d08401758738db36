import type { Diagnostic } from '../core/diagnostic.js';
import type { ValidateConfig } from './config/config.js';
import type { IgnoreList } from './ignore/ignore-file.js';

/** The OpenAPI versions whose official schemas are vendored and precompiled. */
export type OasVersion = '2.0' | '3.0' | '3.1' | '3.2';

/** One parsed file of a (possibly multi-file) description. */
export interface SourceFile {
  /** Absolute path (the key refs resolve to). */
  path: string;
  /** Path as shown to users: relative to the project root, `/`-separated. */
  display: string;
  data: unknown;
  /** Kept so that positions can be computed lazily, only for files with problems. */
  text: string;
  format: 'json' | 'yaml';
}

/** A root document plus every file its `$ref`s reach (already loaded). */
export interface DocumentSet {
  root: SourceFile;
  version: OasVersion;
  /** Every loaded file by absolute path, the root included. */
  files: ReadonlyMap<string, SourceFile>;
  /** Files a `$ref` points to that could not be read (absolute path -> reason). */
  missing: ReadonlyMap<string, string>;
  /** Refs stay inside this directory (absolute). */
  refRoot: string;
  allowRemoteRefs: boolean;
}

export interface ValidateOptions {
  /** Project root (absolute): file names are shown relative to it and external refs must stay inside it. */
  root: string;
  /** Allow `$ref`s to http(s) URLs (they are not fetched, only not reported). */
  allowRemoteRefs?: boolean;
  /** Rule settings (from redocly.yaml, see config/); api-hub's defaults when absent. */
  config?: ValidateConfig;
  /** The size limit of one file in bytes (default 50 MB, parse/decode.ts). */
  maxFileBytes?: number;
  /** Known problems to leave out (the ignore file, see ignore/). */
  ignore?: IgnoreList;
}

/** A diagnostic of the validator, with the stable id the ignore file uses. */
export interface Problem extends Diagnostic {
  /** `operation <operationId>`, `components/schemas/Pet`, or a pointer (see ignore/stable-id.ts). */
  stableId?: string;
}

export interface ValidateResult {
  /** Sorted by file, then position. Line and column are filled in. */
  problems: Problem[];
  errorCount: number;
  warningCount: number;
  /** A file could not be read or parsed, or is not an OpenAPI description (exit code 2). */
  fatal: boolean;
  /** Problems left out because the ignore file lists them. */
  ignoredCount?: number;
  /** Every file read, per root document given (for the result cache). */
  sources?: Array<{ root: string; files: string[] }>;
}

import type { Env } from '../core/env.js';
import type { HubCatalog } from '../project/catalog/hub-data.js';
import type { ValidateResult } from '../validate/types.js';

/** What a push implementation gets: a file of the project that has already validated. */
export interface PushRequest {
  root: string;
  /** Path relative to the root, inside it (`/`-separated). */
  file: string;
  dryRun: boolean;
  env: Env;
  /**
   * The validation the tool just ran on the file: its text, parsed data and result. A push that
   * validates what it sends may take it instead of validating the same text again.
   */
  validated?: PreValidated;
}

/** A file's text as validated, with the data parsed from it and the verdict. */
export interface PreValidated {
  text: string;
  data: unknown;
  result: ValidateResult;
}
/**
 * Pushes a validated file to Apidog and returns a JSON-serializable summary
 * (`status: 'failed'` in it marks the answer as an error). A HubError it
 * throws is reported as "Not pushed: <message>".
 */
export type PushFn = (request: PushRequest) => Promise<unknown>;

/** Everything a tool handler needs, built once by `createServer`. */
export interface ToolContext {
  root: string;
  catalog: HubCatalog;
  /** Result budget in characters. */
  budget: number;
  /** The environment (FAL_API_KEY, FAL_KEY, FAL_API_BASE_URL…), read when a tool needs it. */
  env: () => Promise<Env>;
  fetch: typeof globalThis.fetch;
  /** One line to stderr (never stdout: that is the protocol channel on stdio). */
  log: (line: string) => void;
  /** The push behind `push_to_apidog` (mcp/push.ts, or one a test injects). */
  push: PushFn;
}

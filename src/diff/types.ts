export type ChangeKind =
  | 'path-removed'
  | 'path-added'
  | 'operation-removed'
  | 'operation-added'
  | 'response-removed'
  | 'response-added'
  | 'parameter-added'
  | 'parameter-removed'
  | 'parameter-required'
  | 'request-body-required'
  | 'property-added'
  | 'property-removed'
  | 'property-required'
  | 'type-changed'
  | 'enum-value-removed'
  | 'enum-value-added'
  | 'constraint-narrowed'
  | 'constraint-widened'
  | 'security-removed'
  | 'security-added'
  | 'security-scheme-changed'
  | 'server-removed'
  | 'server-added'
  | 'server-changed'
  | 'media-type-removed'
  | 'media-type-added';

/** Which way the data the change is about flows: what a client sends, or what it gets back. */
export type Direction = 'request' | 'response';

export interface Change {
  kind: ChangeKind;
  breaking: boolean;
  /** The check of oasdiff (github.com/oasdiff/oasdiff) that reports the same change, where there is one: a reference, not a promise of the same level. */
  checkId?: string;
  /**
   * `fal`, `comet`, … from x-hub-source; absent for a document from outside
   * the hub (then `group` is the operation's first tag, or its path), and
   * `shared` for a change made once that reaches several groups (a shared
   * component, the servers or security of many operations).
   */
  provider?: string;
  /** FAL endpoint id, or the first tag, or the path; for a shared change: `schemas/Image`, `servers`, `security`. */
  group: string;
  method?: string;
  path?: string;
  direction?: Direction;
  /** Where in the operation: `request body`, `response 200 body`, `query parameter seed`, `servers`, `security`, `schema Image` (a shared component). */
  where: string;
  /** The property path inside `where`, as a reader writes it: `output_format`, `images[].url`; absent when the change is `where` itself. */
  property?: string;
  /** JSON pointer in the new document (old for removals). */
  pointer: string;
  /** The whole line a reviewer reads: `request body output_format: enum value "png" removed`. */
  message: string;
  /** A change made once that reaches several operations: all of them (`POST /a/b`), sorted. */
  operations?: string[];
}

export interface DiffResult {
  breaking: number;
  nonBreaking: number;
  changes: Change[];
}

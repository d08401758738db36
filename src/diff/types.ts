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
  | 'media-type-removed'
  | 'media-type-added';

export interface Change {
  kind: ChangeKind;
  breaking: boolean;
  /** `fal`, `comet`, … from x-hub-source, or `unknown`. */
  provider: string;
  /** FAL endpoint id, or the first tag, or the path. */
  group: string;
  method?: string;
  path: string;
  /** JSON pointer in the new document (old for removals). */
  pointer: string;
  message: string;
}

export interface DiffResult {
  breaking: number;
  nonBreaking: number;
  changes: Change[];
}

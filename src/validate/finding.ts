import type { Severity } from '../core/diagnostic.js';
import type { SourceFile } from './types.js';

/** A problem before it is printed: still tied to the loaded file (for positions). */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  file: SourceFile;
  pointer: string;
  suggestion?: string;
  /** For the ignore file (see ignore/stable-id.ts). */
  stableId?: string;
}

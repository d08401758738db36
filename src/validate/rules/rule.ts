import type { Severity } from '../../core/diagnostic.js';
import type { DocumentSet, SourceFile } from '../types.js';
import type { Visitor } from '../walk.js';

export interface Report {
  message: string;
  file: SourceFile;
  pointer: string;
  /** Defaults to the rule's severity. */
  severity?: Severity;
  suggestion?: string;
}

export interface RuleContext {
  set: DocumentSet;
  report(problem: Report): void;
}

/** A rule: a small factory returning visitors, called during the one walk over each file. */
export interface Rule {
  id: string;
  severity: Severity;
  create(ctx: RuleContext): Visitor;
}

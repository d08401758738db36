import type { Severity } from '../../core/diagnostic.js';
import type { DocumentSet, OasVersion, SourceFile } from '../types.js';
import type { Visitor } from '../walk.js';

export interface Report {
  message: string;
  file: SourceFile;
  pointer: string;
  /** Defaults to the rule's severity; a severity set in the config wins over both. */
  severity?: Severity;
  suggestion?: string;
  /**
   * This finding is more than Redocly's rule of the same name checks: when a Redocly
   * preset (not the user) sets the rule's severity, this finding keeps its own
   * (`severity`, else `warn`), so that the gate stays Redocly's.
   */
  beyondRedocly?: boolean;
  /** This finding explains a structural (`struct`) error at the same place better: drop that one. */
  replacesStruct?: boolean;
}

export interface RuleContext {
  set: DocumentSet;
  report(problem: Report): void;
}

/** A rule: a small factory returning visitors, called during the one walk over the description. */
export interface Rule {
  id: string;
  /** Default severity (`off`: available, but only when configured). */
  severity: Severity | 'off';
  /** One line: what the rule checks (help text, SARIF rule descriptions). */
  description: string;
  /**
   * For a rule of api-hub's own name: the Redocly rule that checks the same thing
   * (`security-defined`, or `struct`). Under a Redocly preset this rule takes that
   * rule's setting unless it is configured itself, so that the gate is Redocly's.
   */
  redocly?: string;
  /** The OpenAPI versions the rule applies to (default: all). */
  versions?: readonly OasVersion[];
  create(ctx: RuleContext): Visitor;
}

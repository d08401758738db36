/**
 * One diagnostic type for every stage: fetch failures, parse errors, build
 * quirks and conflicts, validation findings and push errors.
 *
 * The pointer is kept where the problem is found; line and column are worked
 * out only when a problem is printed (see `locate` in ./positions.ts).
 */
export type Severity = 'error' | 'warn' | 'info';

export interface Diagnostic {
  /** Stable rule or error code, e.g. `struct`, `no-unresolved-refs`, `fal-dangling-ref`. */
  ruleId: string;
  severity: Severity;
  message: string;
  /** File the problem is in, relative to the project root where possible. */
  file?: string;
  /** RFC 6901 JSON pointer into `file` (or into the document being processed). */
  pointer?: string;
  /** 1-based; filled in by the printer, never by the core. */
  line?: number;
  column?: number;
  /** What the user can do about it. */
  suggestion?: string;
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warn') warnings++;
  }
  return { errors, warnings };
}

/** Deterministic order: file, then pointer, then rule, then message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return cmp(a.file ?? '', b.file ?? '') || cmp(a.pointer ?? '', b.pointer ?? '') || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message);
}

/** Code-point comparison: locale-independent, so output is the same on every machine. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

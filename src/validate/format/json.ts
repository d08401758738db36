import type { ValidateResult } from '../types.js';

/** The `--format json` contract (design.md): one object, these keys, in this order. */
export function formatJson(result: ValidateResult): string {
  const problems = result.problems.map((p) => ({
    ruleId: p.ruleId,
    severity: p.severity,
    message: p.message,
    file: p.file ?? '',
    pointer: p.pointer ?? '',
    line: p.line ?? 1,
    column: p.column ?? 1,
  }));
  return JSON.stringify({ errorCount: result.errorCount, warningCount: result.warningCount, problems }, null, 2) + '\n';
}

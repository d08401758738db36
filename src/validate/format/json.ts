import type { Problem, ValidateResult } from '../types.js';

/** One problem of the `--format json` contract: these keys, in this order, with defaults filled in. */
export function jsonProblem(p: Problem) {
  return {
    ruleId: p.ruleId,
    severity: p.severity,
    message: p.message,
    file: p.file ?? '',
    pointer: p.pointer ?? '',
    line: p.line ?? 1,
    column: p.column ?? 1,
  };
}

/** The `--format json` contract (design.md): one object, these keys, in this order. */
export function formatJson(result: ValidateResult): string {
  const problems = result.problems.map(jsonProblem);
  return JSON.stringify({ errorCount: result.errorCount, warningCount: result.warningCount, problems }, null, 2) + '\n';
}

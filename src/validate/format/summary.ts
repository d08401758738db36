import type { ValidateResult } from '../types.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `✖ 3 problems (1 error, 2 warnings)` or `✔ no problems found`, plus how many the ignore file left out. */
export function summaryLine(result: ValidateResult): string {
  const total = result.errorCount + result.warningCount;
  const ignored = result.ignoredCount ? ` (${plural(result.ignoredCount, 'problem')} ignored by the ignore file)` : '';
  if (total === 0 && result.problems.length === 0) return `✔ no problems found${ignored}`;
  return `✖ ${plural(total, 'problem')} (${plural(result.errorCount, 'error')}, ${plural(result.warningCount, 'warning')})${ignored}`;
}

import type { Diagnostic } from '../../core/diagnostic.js';
import type { ValidateResult } from '../types.js';

const LABEL: Record<Diagnostic['severity'], string> = { error: 'error', warn: 'warning', info: 'info' };

/**
 * ESLint-style text: problems grouped by file, one line each
 * (`line:col  severity  message  ruleId`), then a summary line.
 */
export function formatStylish(result: ValidateResult): string {
  if (result.problems.length === 0) return '✔ no problems found\n';
  const groups = new Map<string, Diagnostic[]>();
  for (const p of result.problems) {
    const file = p.file ?? '(unknown file)';
    const list = groups.get(file);
    if (list) list.push(p);
    else groups.set(file, [p]);
  }
  let out = '';
  for (const [file, list] of groups) {
    const rows = list.map((p) => [`${p.line ?? 1}:${p.column ?? 1}`, LABEL[p.severity], p.message, p.ruleId] as const);
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    const w2 = Math.max(...rows.map((r) => r[2].length));
    out += `${file}\n`;
    for (const [pos, sev, msg, rule] of rows) out += `  ${pos.padEnd(w0)}  ${sev.padEnd(w1)}  ${msg.padEnd(w2)}  ${rule}\n`;
    out += '\n';
  }
  const total = result.errorCount + result.warningCount;
  out += `✖ ${total} problem${total === 1 ? '' : 's'} (${result.errorCount} error${result.errorCount === 1 ? '' : 's'}, ${result.warningCount} warning${result.warningCount === 1 ? '' : 's'})\n`;
  return out;
}

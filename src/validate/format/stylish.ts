import type { Diagnostic } from '../../core/diagnostic.js';
import type { ValidateResult } from '../types.js';
import { codeFrame } from './codeframe.js';
import { summaryLine } from './summary.js';

const LABEL: Record<Diagnostic['severity'], string> = { error: 'error', warn: 'warning', info: 'info' };

export interface StylishOptions {
  /** Show the source lines around each problem (needs the text of each file). */
  codeframe?: boolean;
  /** The text of a file by its displayed name (for code frames); undefined when unavailable. */
  source?: (file: string) => string | undefined;
}

/**
 * ESLint-style text: problems grouped by file, one line each
 * (`line:col  severity  message  ruleId`), optionally a code frame under each,
 * then a summary line.
 */
export function formatStylish(result: ValidateResult, options: StylishOptions = {}): string {
  if (result.problems.length === 0) return summaryLine(result) + '\n';
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
    const w2 = options.codeframe ? 0 : Math.max(...rows.map((r) => r[2].length));
    const text = options.codeframe ? options.source?.(file) : undefined;
    out += `${file}\n`;
    rows.forEach(([pos, sev, msg, rule], i) => {
      out += `  ${pos.padEnd(w0)}  ${sev.padEnd(w1)}  ${msg.padEnd(w2)}  ${rule}\n`;
      if (text !== undefined) {
        const p = list[i]!;
        out += codeFrame(text, p.line ?? 1, p.column ?? 1, '    ') + '\n';
        if (p.suggestion) out += `    hint: ${p.suggestion}\n`;
        out += '\n';
      }
    });
    if (text === undefined) out += '\n';
  }
  return out + summaryLine(result) + '\n';
}

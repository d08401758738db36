import type { ValidateResult } from '../types.js';
import { summaryLine } from './summary.js';

/**
 * GitHub Actions workflow commands: one annotation per problem,
 * `::error file=…,line=…,col=…,title=<rule>::<message>` (warnings as `::warning`),
 * escaped as the runner expects; then the summary line.
 */
export function formatGithub(result: ValidateResult): string {
  let out = '';
  for (const p of result.problems) {
    const level = p.severity === 'error' ? 'error' : p.severity === 'warn' ? 'warning' : 'notice';
    const props = [`file=${prop(p.file ?? '')}`, `line=${p.line ?? 1}`, `col=${p.column ?? 1}`, `title=${prop(p.ruleId)}`].join(',');
    out += `::${level} ${props}::${data(p.message + (p.pointer ? ` (at ${p.pointer})` : ''))}\n`;
  }
  return out + summaryLine(result) + '\n';
}

function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function prop(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

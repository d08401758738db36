import type { Diagnostic } from '../core/diagnostic.js';
import type { CliContext } from './context.js';

/** Plain one-line-per-diagnostic output on stderr (warnings hidden with --quiet). */
export function printDiagnostics(ctx: CliContext, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    if (ctx.quiet && d.severity !== 'error') continue;
    const where = [d.file, d.line ? `${d.line}:${d.column ?? 1}` : undefined].filter(Boolean).join(':');
    ctx.stderr(`${d.severity === 'error' ? 'error' : d.severity === 'warn' ? 'warning' : 'info'}: ${where ? where + ': ' : ''}${d.message}${d.pointer ? ` (at ${d.pointer})` : ''} [${d.ruleId}]\n`);
  }
}

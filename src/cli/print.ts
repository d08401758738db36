import type { Diagnostic } from '../core/diagnostic.js';
import type { CliContext } from './context.js';

export interface PrintOptions {
  /**
   * `location` (default): `warning: FILE:LINE:COL: MESSAGE (at POINTER) [rule]`.
   * `pointer`: `warning: FILE (POINTER) MESSAGE [rule]`, the layout of `api-hub generate`.
   */
  layout?: 'location' | 'pointer';
}

/** Plain one-line-per-diagnostic output on stderr (warnings hidden with --quiet). */
export function printDiagnostics(ctx: CliContext, diagnostics: readonly Diagnostic[], options: PrintOptions = {}): void {
  for (const d of diagnostics) {
    if (ctx.quiet && d.severity !== 'error') continue;
    const label = d.severity === 'error' ? 'error' : d.severity === 'warn' ? 'warning' : 'info';
    if (options.layout === 'pointer') {
      ctx.stderr(`${label}: ${d.file ?? ''}${d.pointer ? ` (${d.pointer})` : ''} ${d.message} [${d.ruleId}]\n`);
      continue;
    }
    const where = [d.file, d.line ? `${d.line}:${d.column ?? 1}` : undefined].filter(Boolean).join(':');
    ctx.stderr(`${label}: ${where ? where + ': ' : ''}${d.message}${d.pointer ? ` (at ${d.pointer})` : ''} [${d.ruleId}]\n`);
  }
}

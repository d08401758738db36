import { modelLabel, money } from './detect/context.js';
import type { UsageReport } from './report.js';

export interface FormatOptions {
  /** Print only the anomalies and the totals. */
  quiet?: boolean;
  /** Marks for a TTY (`!`) or plain words (`ANOMALY`) for CI logs. */
  plain?: boolean;
}

/** The report as text tables: spend per day and model, totals per model, balances, anomalies. */
export function formatUsageText(r: UsageReport, o: FormatOptions = {}): string {
  const lines: string[] = [];
  lines.push(`Usage ${r.from} … ${r.until} (${r.providers.join(', ') || 'no provider'}; history read from ${r.readFrom})`);
  if (!o.quiet) {
    if (r.spend.length === 0) lines.push('', 'No spend in these days.');
    else {
      lines.push(
        '',
        ...table(
          ['day', 'provider', 'model', 'key', 'quantity', 'cost'],
          r.spend.map((s) => [
            s.day,
            s.provider,
            modelLabel(s.provider, s.model),
            s.key || '-',
            s.quantity !== undefined ? `${fmt(s.quantity)}${s.unit ? ` ${s.unit}` : ''}` : s.requests !== undefined ? `${s.requests} req` : '',
            money(s.cost, s.currency),
          ]),
          [4, 5],
        ),
      );
      lines.push(
        '',
        'Per model:',
        ...table(
          ['provider', 'model', 'days', 'cost'],
          r.byModel.map((m) => [m.provider, modelLabel(m.provider, m.model), String(m.days), money(m.cost, m.currency)]),
          [2, 3],
        ),
      );
    }
    if (r.balances.length > 0)
      lines.push(
        '',
        'Balances:',
        ...table(
          ['provider', 'scope', 'left', 'used'],
          r.balances.map((b) => [b.provider, b.scope, money(b.remaining, b.currency), b.used === undefined ? '' : money(b.used, b.currency)]),
          [2, 3],
        ),
      );
  }
  lines.push('', `Total: ${r.total.length ? r.total.map((t) => money(t.cost, t.currency)).join(' + ') : '0.00'}`);
  if (r.anomalies.length === 0) lines.push('No anomalies.');
  else {
    lines.push(`${r.anomalies.length} anomal${r.anomalies.length === 1 ? 'y' : 'ies'}:`);
    for (const a of r.anomalies)
      lines.push(`${o.plain ? 'ANOMALY' : '!'} ${a.message} [${a.ruleId}]${a.suggestion && !o.quiet ? `\n    ${a.suggestion}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e4) / 1e4);
}

/** Left-aligned columns, right-aligned where asked. */
function table(head: string[], rows: string[][], right: number[] = []): string[] {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (right.includes(i) ? c.padStart(w[i]!) : c.padEnd(w[i]!)))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)];
}

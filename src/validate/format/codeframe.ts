/**
 * The lines around a position, with a marker under the column:
 *
 *      11 |     responses:
 *    > 12 |       nmae: x
 *         |       ^
 */
export function codeFrame(text: string, line: number, column: number, indent = '', context = 2): string {
  const lines = sourceLines(text, line - context, line + context);
  const width = String(line + context).length;
  const out: string[] = [];
  for (const [n, content] of lines) {
    const shown = content.length > 160 ? `${content.slice(0, 157)}...` : content;
    out.push(`${indent}${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${shown}`.trimEnd());
    if (n === line) out.push(`${indent}  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, Math.min(column, 160) - 1))}^`);
  }
  return out.join('\n');
}

/** Lines `from`..`to` (1-based, clamped), without splitting the whole text. */
function sourceLines(text: string, from: number, to: number): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  let n = 1;
  let start = 0;
  while (n < from) {
    const nl = text.indexOf('\n', start);
    if (nl === -1) return out;
    start = nl + 1;
    n++;
  }
  while (n <= to && start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    out.push([n, text.slice(start, end).replace(/\r$/, '').replace(/\t/g, ' ')]);
    if (nl === -1) break;
    start = nl + 1;
    n++;
  }
  return out;
}

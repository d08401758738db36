import type { Change, DiffResult } from './types.js';

function grouped(changes: readonly Change[]): Map<string, Change[]> {
  const out = new Map<string, Change[]>();
  for (const c of changes) {
    const k = `${c.provider} / ${c.group}`;
    const list = out.get(k);
    if (list) list.push(c);
    else out.set(k, [c]);
  }
  return out;
}

function summary(r: DiffResult): string {
  if (r.changes.length === 0) return 'no changes';
  return `${r.breaking} breaking, ${r.nonBreaking} non-breaking change(s)`;
}

export function formatDiffText(r: DiffResult): string {
  let out = '';
  for (const [group, list] of grouped(r.changes)) {
    out += `${group}\n`;
    for (const c of list) out += `  ${c.breaking ? 'BREAKING' : 'ok      '}  ${c.message}\n`;
  }
  return out + summary(r) + '\n';
}

export function formatDiffMarkdown(r: DiffResult): string {
  let out = `## API changes: ${summary(r)}\n`;
  if (r.changes.length === 0) return out;
  for (const [group, list] of grouped(r.changes)) {
    out += `\n### ${group.replace(/[|`]/g, '\\$&')}\n\n| | change |\n|---|---|\n`;
    for (const c of list) out += `| ${c.breaking ? '⚠️ breaking' : 'non-breaking'} | ${c.message.replace(/\|/g, '\\|')} |\n`;
  }
  return out;
}

export function formatDiffJson(r: DiffResult): string {
  return JSON.stringify(r, null, 2) + '\n';
}

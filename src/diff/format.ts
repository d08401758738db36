import { cmp } from '../core/diagnostic.js';
import type { Change, DiffResult } from './types.js';

interface Group {
  heading: string;
  provider: string;
  changes: Change[];
  breaking: number;
  /** What a reader sees: one line per change, but a group's added (or removed) paths on one line. */
  lines: Array<{ breaking: boolean; text: string; pointer: string }>;
}

function linesOf(changes: readonly Change[]): Group['lines'] {
  const out: Group['lines'] = [];
  for (const kind of ['path-removed', 'path-added'] as const) {
    const paths = changes.filter((c) => c.kind === kind);
    if (paths.length < 2) continue;
    const list = paths.map((c) => c.message.replace(/^path /, '').replace(/: (added|removed)/, '')).join(', ');
    out.push({
      breaking: kind === 'path-removed',
      text: `${paths.length} paths ${kind === 'path-added' ? 'added' : 'removed'}: ${list}`,
      pointer: paths[0]!.pointer,
    });
  }
  for (const c of changes) {
    if ((c.kind === 'path-added' || c.kind === 'path-removed') && changes.filter((x) => x.kind === c.kind).length >= 2) continue;
    out.push({ breaking: c.breaking, text: changeLine(c), pointer: c.pointer });
  }
  return out.sort((a, b) => Number(b.breaking) - Number(a.breaking));
}

/** A group's heading: `fal / fal-ai/flux/dev`, `shared / schemas/Image`; a document from outside the hub: its tag or path. */
const headingOf = (c: Change): string => (c.provider ? `${c.provider} / ${c.group}` : c.group);
/** The summary row a change counts in; documents from outside the hub are counted under their tags and paths. */
const providerOf = (c: Change): string => c.provider ?? '(tags and paths)';

/** Groups in order: those with breaking changes first; in each, breaking changes first. */
function grouped(changes: readonly Change[]): Group[] {
  const byHeading = new Map<string, Group>();
  for (const c of changes) {
    const h = headingOf(c);
    let g = byHeading.get(h);
    if (!g) byHeading.set(h, (g = { heading: h, provider: providerOf(c), changes: [], breaking: 0, lines: [] }));
    g.changes.push(c);
    if (c.breaking) g.breaking++;
  }
  const groups = [...byHeading.values()];
  for (const g of groups) g.lines = linesOf(g.changes);
  return groups.sort((a, b) => Number(b.breaking > 0) - Number(a.breaking > 0) || cmp(a.heading, b.heading));
}

interface Row {
  provider: string;
  groups: number;
  withBreaking: number;
  breaking: number;
  other: number;
}

function summaryRows(groups: readonly Group[]): Row[] {
  const rows = new Map<string, Row>();
  for (const g of groups) {
    let r = rows.get(g.provider);
    if (!r) rows.set(g.provider, (r = { provider: g.provider, groups: 0, withBreaking: 0, breaking: 0, other: 0 }));
    r.groups++;
    if (g.breaking > 0) r.withBreaking++;
    r.breaking += g.breaking;
    r.other += g.changes.length - g.breaking;
  }
  return [...rows.values()].sort((a, b) => cmp(a.provider, b.provider));
}

function summary(r: DiffResult): string {
  if (r.changes.length === 0) return 'no changes';
  return `${r.breaking} breaking, ${r.nonBreaking} non-breaking change(s)`;
}

/** One change as a review line: the operation (when it is one operation's), then the place, then what happened. */
export function changeLine(c: Change): string {
  return c.method && c.path ? `${c.method.toUpperCase()} ${c.path}: ${c.message}` : c.message;
}

export function formatDiffText(r: DiffResult): string {
  if (r.changes.length === 0) return 'no changes\n';
  const groups = grouped(r.changes);
  const rows = summaryRows(groups);
  const w = Math.max(8, ...rows.map((x) => x.provider.length));
  let out = `API changes: ${summary(r)} in ${groups.length} group(s)\n\n`;
  out += `  ${'provider'.padEnd(w)}  groups  with breaking  breaking  non-breaking\n`;
  for (const x of rows)
    out += `  ${x.provider.padEnd(w)}  ${String(x.groups).padStart(6)}  ${String(x.withBreaking).padStart(13)}  ${String(x.breaking).padStart(8)}  ${String(x.other).padStart(12)}\n`;
  for (const g of groups) {
    out += `\n${g.heading}\n`;
    for (const l of g.lines) out += `  ${l.breaking ? 'BREAKING' : 'ok      '}  ${l.text}\n`;
  }
  return out;
}

const md = (s: string): string => s.replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;')).replace(/\|/g, '\\|');

/**
 * Markdown for a pull request: the counts per provider first, then one folded
 * `<details>` per group with breaking changes (its summary line says how many),
 * then the groups with only non-breaking changes, folded together.
 */
export function formatDiffMarkdown(r: DiffResult): string {
  let out = `## API changes: ${summary(r)}\n`;
  if (r.changes.length === 0) return out;
  const groups = grouped(r.changes);
  out += '\n| Provider | Groups changed | With breaking changes | Breaking | Non-breaking |\n|---|--:|--:|--:|--:|\n';
  for (const x of summaryRows(groups)) out += `| ${md(x.provider)} | ${x.groups} | ${x.withBreaking} | ${x.breaking} | ${x.other} |\n`;
  const item = (l: Group['lines'][number]) => `- ${l.breaking ? '⚠️ ' : ''}${md(l.text)}\n`;
  const breaking = groups.filter((g) => g.breaking > 0);
  const calm = groups.filter((g) => g.breaking === 0);
  if (breaking.length > 0) {
    out += `\n### Breaking changes: ${r.breaking} in ${breaking.length} group(s)\n`;
    for (const g of breaking) {
      const other = g.changes.length - g.breaking;
      out += `\n<details><summary><b>${md(g.heading)}</b>: ${g.breaking} breaking${other ? `, ${other} non-breaking` : ''}</summary>\n\n`;
      for (const l of g.lines) out += item(l);
      out += '\n</details>\n';
    }
  }
  if (calm.length > 0) {
    const n = calm.reduce((s, g) => s + g.changes.length, 0);
    out += `\n### Non-breaking changes only: ${calm.length} group(s)\n\n<details><summary>${n} change(s) in ${calm.length} group(s)</summary>\n`;
    for (const g of calm) {
      out += `\n#### ${md(g.heading)}\n\n`;
      for (const l of g.lines) out += item(l);
    }
    out += '\n</details>\n';
  }
  return out;
}

export function formatDiffJson(r: DiffResult): string {
  return JSON.stringify(r, null, 2) + '\n';
}

/** 1-based line and column of a change in the new document, when known. */
export type Locate = (c: Change) => { line: number; column: number } | undefined;

const escData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escProp = (s: string): string => escData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub workflow commands (annotations on the pull request): one `::error`
 * per group with breaking changes, at the first of them in the new document,
 * listing all of that group's breaking changes; then one `::notice` with the
 * totals. GitHub shows a limited number of annotations per step, so one per
 * group (not per change) keeps every broken model visible.
 */
export function formatDiffGithub(r: DiffResult, file: string, locate: Locate = () => undefined): string {
  let out = '';
  for (const g of grouped(r.changes)) {
    if (g.breaking === 0) continue;
    const list = g.lines.filter((l) => l.breaking);
    const at = locate(g.changes.find((c) => c.breaking)!);
    const props = [
      `file=${escProp(file)}`,
      ...(at ? [`line=${at.line}`, `col=${at.column}`] : []),
      `title=${escProp(`Breaking: ${g.heading} (${g.breaking})`)}`,
    ];
    out += `::error ${props.join(',')}::${escData(list.map((l) => l.text).join('\n'))}\n`;
  }
  out += `::notice title=API diff::${escData(`${summary(r)}${r.changes.length ? ` in ${grouped(r.changes).length} group(s)` : ''}`)}\n`;
  return out;
}

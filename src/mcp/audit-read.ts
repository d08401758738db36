import { readFile } from 'node:fs/promises';
import { cmp } from '../core/diagnostic.js';
import { AUDIT_GENERATIONS, type AuditRecord } from './audit.js';

export interface ToolStats {
  tool: string;
  calls: number;
  errors: number;
  /** Median and largest duration, ms. */
  medianMs: number;
  maxMs: number;
}

export interface AuditSummary {
  files: string[];
  calls: number;
  errors: number;
  /** Lines that are not audit records (a torn last line after a crash). */
  unreadable: number;
  first?: string;
  last?: string;
  tools: ToolStats[];
  recent: AuditRecord[];
}

function isRecord(v: unknown): v is AuditRecord {
  const r = v as Partial<AuditRecord> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.time === 'string' &&
    typeof r.tool === 'string' &&
    typeof r.outcome === 'string' &&
    typeof r.durationMs === 'number'
  );
}

/** The records of the log and its rotated generations, oldest first. Missing files are skipped. */
export async function readAudit(path: string): Promise<{ records: AuditRecord[]; files: string[]; unreadable: number }> {
  const records: AuditRecord[] = [];
  const files: string[] = [];
  let unreadable = 0;
  const paths = [...Array.from({ length: AUDIT_GENERATIONS - 1 }, (_, i) => `${path}.${AUDIT_GENERATIONS - 1 - i}`), path];
  for (const p of paths) {
    const text = await readFile(p, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    files.push(p);
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        const v: unknown = JSON.parse(line);
        if (isRecord(v)) records.push(v);
        else unreadable++;
      } catch {
        unreadable++;
      }
    }
  }
  return { records, files, unreadable };
}

function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return 0;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : Math.round(((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2);
}

/** Calls per tool, errors, and the last `last` calls. */
export function summarizeAudit(records: readonly AuditRecord[], files: string[], unreadable: number, last: number): AuditSummary {
  const byTool = new Map<string, AuditRecord[]>();
  for (const r of records) {
    const list = byTool.get(r.tool);
    if (list) list.push(r);
    else byTool.set(r.tool, [r]);
  }
  const tools = [...byTool]
    .map(([tool, list]) => {
      const ms = list.map((r) => r.durationMs).sort((a, b) => a - b);
      return { tool, calls: list.length, errors: list.filter((r) => r.outcome !== 'ok').length, medianMs: median(ms), maxMs: ms[ms.length - 1] ?? 0 };
    })
    .sort((a, b) => b.calls - a.calls || cmp(a.tool, b.tool));
  return {
    files,
    calls: records.length,
    errors: records.filter((r) => r.outcome !== 'ok').length,
    unreadable,
    ...(records[0] ? { first: records[0].time } : {}),
    ...(records.length > 0 ? { last: records[records.length - 1]!.time } : {}),
    tools,
    recent: last > 0 ? records.slice(-last) : [],
  };
}

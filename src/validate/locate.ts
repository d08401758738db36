import { cmp } from '../core/diagnostic.js';
import { locatePointers } from '../core/positions.js';
import type { Finding } from './finding.js';
import type { Problem } from './types.js';

/**
 * Turn findings into printable diagnostics: line and column are computed here,
 * once per file that has findings (files without problems are never re-read
 * or re-parsed).
 */
export function locateFindings(findings: readonly Finding[]): Problem[] {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byFile.get(f.file.path);
    if (list) list.push(f);
    else byFile.set(f.file.path, [f]);
  }
  const out: Problem[] = [];
  for (const list of byFile.values()) {
    const file = list[0]!.file;
    const positions = locatePointers(file.text, file.format, [...new Set(list.map((f) => f.pointer))]);
    for (const f of list) {
      const pos = positions.get(f.pointer) ?? { line: 1, column: 1 };
      out.push({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        file: file.display,
        pointer: f.pointer,
        line: pos.line,
        column: pos.column,
        ...(f.suggestion ? { suggestion: f.suggestion } : {}),
        ...(f.stableId !== undefined ? { stableId: f.stableId } : {}),
      });
    }
  }
  return out;
}

/** File, then line and column, then rule and message: stable output on every machine. */
export function compareByPosition(a: Problem, b: Problem): number {
  return (
    cmp(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.message, b.message)
  );
}

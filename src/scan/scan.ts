import type { SecretFinding } from './types.js';
import type { ScanSource } from './sources.js';
import { scanText } from './scan-text.js';
import { isAllowed, type AllowEntry } from './allowlist.js';

export interface ScanResult {
  findings: SecretFinding[];
  /** Findings an allowlist entry let through. */
  allowed: number;
  files: number;
}

/**
 * Scan each source; line numbers of added-line sources (history) are mapped
 * back to the file's. Findings come out in source order, then by position.
 */
export async function scanSources(sources: readonly ScanSource[], allow: readonly AllowEntry[] = []): Promise<ScanResult> {
  const findings: SecretFinding[] = [];
  let allowed = 0;
  for (const s of sources) {
    for (const f of await scanText(s.file, s.text)) {
      const finding: SecretFinding = s.lineNumbers ? { ...f, line: s.lineNumbers[f.line - 1] ?? f.line } : f;
      if (s.commit) finding.commit = s.commit;
      if (isAllowed(finding, allow)) allowed++;
      else findings.push(finding);
    }
  }
  return { findings, allowed, files: sources.length };
}

/** `file:line:col: label [rule] excerpt (fingerprint …)`, one line per finding. */
export function formatFinding(f: SecretFinding): string {
  return `${f.commit ? `${f.commit.slice(0, 10)} ` : ''}${f.file}:${f.line}:${f.column}: ${f.label} [${f.rule}]\n    ${f.excerpt}\n    fingerprint ${f.fingerprint}\n`;
}

import { lintSource } from '@secretlint/core';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretFinding } from './types.js';
import { isDotEnvPath } from './patterns.js';
import { patternHits, type Hit } from './pattern-hits.js';
import { fingerprint, maskedExcerpt } from './mask.js';
import { lineIndex } from '../core/positions.js';

const SECRETLINT_CONFIG: Parameters<typeof lintSource>[0]['options']['config'] = {
  rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommended }],
};

/** A text is binary (and skipped) when its first 8000 bytes hold a NUL, as git decides. */
export function isBinary(text: string): boolean {
  return text.slice(0, 8000).includes('\0');
}

/** Offsets of the start of each line. */
/** secretlint's recommended preset over the text. */
async function secretlintHits(path: string, text: string): Promise<Hit[]> {
  const ext = path.includes('.') ? path.slice(path.lastIndexOf('.')) : '';
  const result = await lintSource({
    source: { filePath: path, content: text, ext, contentType: 'text' },
    options: { config: SECRETLINT_CONFIG, maskSecrets: true, noPhysicFilePath: true },
  });
  return result.messages.map((m) => ({
    start: m.range[0],
    end: m.range[1],
    rule: m.ruleId.replace('@secretlint/secretlint-rule-', 'secretlint/'),
    label: m.messageId.toLowerCase().replace(/_/g, ' '),
  }));
}

/**
 * Every secret in one file's text, in order of position. A hit that overlaps
 * an earlier one (the same key seen by two patterns) is reported once.
 * `path` is the file's repository path (for the `.env` rule and messages).
 */
export async function scanText(path: string, text: string): Promise<SecretFinding[]> {
  const findings: SecretFinding[] = [];
  if (isDotEnvPath(path)) {
    findings.push({
      file: path,
      line: 1,
      column: 1,
      rule: 'dotenv-file',
      label: '.env file (only .env.example may be committed)',
      excerpt: '(content not shown)',
      fingerprint: fingerprint(text),
    });
  }
  if (isBinary(text)) return findings;
  const hits = [...patternHits(text), ...(await secretlintHits(path, text))].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Hit[] = [];
  for (const h of hits) {
    const last = kept[kept.length - 1];
    if (last && h.start < last.end) continue;
    kept.push(h);
  }
  if (kept.length === 0) return findings;
  const at = lineIndex(text);
  const byLine = new Map<number, { start: number; hits: Hit[] }>();
  for (const h of kept) {
    const { line, column } = at(h.start);
    const entry = byLine.get(line);
    if (entry) entry.hits.push(h);
    else byLine.set(line, { start: h.start - column + 1, hits: [h] });
  }
  for (const [l, { start: ls, hits: lineHits }] of byLine) {
    const le = text.indexOf('\n', ls);
    const line = text.slice(ls, le < 0 ? text.length : le).replace(/\r$/, '');
    const excerpt = maskedExcerpt(
      line,
      lineHits.map((h) => [h.start - ls, Math.min(h.end - ls, line.length)] as const),
    );
    for (const h of lineHits) {
      findings.push({
        file: path,
        line: l,
        column: h.start - ls + 1,
        rule: h.rule,
        label: h.label,
        excerpt,
        fingerprint: fingerprint(text.slice(h.start, h.end)),
      });
    }
  }
  return findings;
}

import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { patternHits } from '../scan/pattern-hits.js';
import { mask } from '../scan/mask.js';
import type { Redactor } from '../core/redact.js';

/** Where `api-hub mcp` writes its audit log unless told otherwise (`--audit-log PATH|off`). */
export const DEFAULT_AUDIT_LOG = join('.api-hub', 'mcp-audit.jsonl');
/** A log file grows to this size, then is rotated: file → file.1 → file.2 (the oldest is dropped). */
export const DEFAULT_AUDIT_MAX_BYTES = 5 * 1024 * 1024;
export const AUDIT_GENERATIONS = 3;
/** Longest string argument kept in a record (documents pasted inline are cut). */
const MAX_STRING = 300;

/** One line of the audit log. */
export interface AuditRecord {
  time: string;
  tool: string;
  /** The arguments, secrets masked and long strings cut. */
  args: unknown;
  outcome: 'ok' | 'error' | 'exception';
  durationMs: number;
  /** Characters of the result's text content. */
  resultChars: number;
  /** First line of the error, secrets masked (outcome error/exception). */
  error?: string;
}

/** Mask anything key-shaped (the scanner's patterns) and every known secret value. */
export function redactText(text: string, redact: Redactor): string {
  const out = redact(text);
  const hits = patternHits(out).sort((a, b) => a.start - b.start || b.end - a.end);
  let masked = '';
  let at = 0;
  for (const h of hits) {
    if (h.start < at) continue; // inside a range already masked
    masked += `${out.slice(at, h.start)}${mask(out.slice(h.start, h.end))}`;
    at = h.end;
  }
  return masked + out.slice(at);
}

export function redactArgs(value: unknown, redact: Redactor): unknown {
  if (typeof value === 'string') {
    const cut = value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…(${value.length} chars)` : value;
    return redactText(cut, redact);
  }
  if (Array.isArray(value)) return value.map((v) => redactArgs(v, redact));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[k] = /key|token|secret|password|authorization/i.test(k) && v !== undefined ? '[redacted]' : redactArgs(v, redact);
    return out;
  }
  return value;
}

/**
 * An append-only JSON-lines log of tool calls. Writes are synchronous (one
 * short line per call, in call order); when the file passes `maxBytes` it is
 * rotated. A log that cannot be written is reported once and then skipped:
 * auditing never breaks a tool.
 */
export class AuditLog {
  private size: number | undefined;
  private failed = false;

  constructor(
    readonly path: string,
    private readonly options: { maxBytes?: number; warn?: (line: string) => void } = {},
  ) {}

  write(record: AuditRecord): void {
    if (this.failed) return;
    const line = `${JSON.stringify(record)}\n`;
    try {
      if (this.size === undefined) {
        mkdirSync(dirname(this.path), { recursive: true });
        this.size = fileSize(this.path);
      }
      if (this.size > 0 && this.size + line.length > (this.options.maxBytes ?? DEFAULT_AUDIT_MAX_BYTES)) this.rotate();
      appendFileSync(this.path, line, { mode: 0o600 });
      this.size += Buffer.byteLength(line);
    } catch (err) {
      this.failed = true;
      this.options.warn?.(`audit log ${this.path} cannot be written (${(err as Error).message}); tool calls are not being recorded`);
    }
  }

  private rotate(): void {
    rmSync(`${this.path}.${AUDIT_GENERATIONS - 1}`, { force: true });
    for (let i = AUDIT_GENERATIONS - 2; i >= 1; i--) {
      if (fileSize(`${this.path}.${i}`) >= 0) renameIfThere(`${this.path}.${i}`, `${this.path}.${i + 1}`);
    }
    renameIfThere(this.path, `${this.path}.1`);
    this.size = 0;
  }
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function renameIfThere(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/** The text size and error line of a tool result ({content: [{type: 'text', text}], isError}). */
export function describeResult(result: unknown): { chars: number; isError: boolean; first: string } {
  const r = (result ?? {}) as { content?: unknown; isError?: unknown };
  let chars = 0;
  let first = '';
  if (Array.isArray(r.content)) {
    for (const c of r.content as Array<{ text?: unknown }>) {
      if (typeof c?.text === 'string') {
        chars += c.text.length;
        if (!first) first = c.text.split('\n', 1)[0] ?? '';
      }
    }
  }
  return { chars, isError: r.isError === true, first };
}

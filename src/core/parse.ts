import { parseDocument } from 'yaml';
import type { Diagnostic } from './diagnostic.js';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_DEPTH = 1000;

export interface ParseOptions {
  /** Refuse larger inputs (bytes). Default 50 MB. */
  maxBytes?: number;
  /** Refuse deeper nesting. Default 1000. */
  maxDepth?: number;
}

export interface ParsedText {
  data: unknown;
  format: 'json' | 'yaml';
}

export type ParseResult = { ok: true; value: ParsedText } | { ok: false; problem: Diagnostic };

/**
 * Parse JSON or YAML text with the limits that protect every stage: size,
 * nesting depth, and YAML alias expansion (billion-laughs). JSON takes the fast
 * path; YAML is parsed with `yaml`, which caps alias expansion.
 */
export function parseText(text: string, file: string, options: ParseOptions = {}): ParseResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const fail = (message: string, line?: number, column?: number, ruleId = 'parse-error'): ParseResult => ({
    ok: false,
    problem: { ruleId, severity: 'error', message, file, pointer: '', ...(line ? { line, column: column ?? 1 } : {}) },
  });
  if (text.length > maxBytes) {
    return fail(`file is too large (${(text.length / 1048576).toFixed(1)} MB; the limit is ${(maxBytes / 1048576).toFixed(0)} MB)`, undefined, undefined, 'file-too-large');
  }
  if (text.trim() === '') return fail('file is empty', 1, 1, 'empty-file');
  const trimmed = text.trimStart();
  const looksJson = trimmed.startsWith('{') || trimmed.startsWith('[');
  let data: unknown;
  let format: 'json' | 'yaml' = 'yaml';
  if (looksJson) {
    try {
      data = JSON.parse(text);
      format = 'json';
    } catch (err) {
      const pos = jsonErrorPosition(text, err);
      // Fall through to YAML only when JSON fails; YAML is a superset for most inputs.
      const yamlTry = parseYaml(text);
      if (!yamlTry.ok) {
        return fail(`invalid JSON: ${(err as Error).message.replace(/ in JSON at position \d+.*$/, '')}`, pos?.line, pos?.column);
      }
      data = yamlTry.data;
    }
  } else {
    const y = parseYaml(text);
    if (!y.ok) return fail(y.message, y.line, y.column, y.ruleId);
    data = y.data;
  }
  const depth = exceedsDepth(data, maxDepth);
  if (depth) return fail(`nesting is deeper than ${maxDepth} levels`, undefined, undefined, 'too-deep');
  return { ok: true, value: { data, format } };
}

type YamlResult = { ok: true; data: unknown } | { ok: false; message: string; line?: number; column?: number; ruleId: string };

function parseYaml(text: string): YamlResult {
  let doc;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  } catch (err) {
    return { ok: false, message: `invalid YAML: ${(err as Error).message}`, ruleId: 'parse-error' };
  }
  const first = doc.errors[0];
  if (first) {
    const lp = first.linePos?.[0];
    return { ok: false, message: `invalid YAML: ${first.message.split('\n')[0]}`, line: lp?.line, column: lp?.col, ruleId: 'parse-error' };
  }
  try {
    const data = doc.toJS({ maxAliasCount: 1000 });
    return { ok: true, data };
  } catch (err) {
    const msg = (err as Error).message;
    if (/alias/i.test(msg)) {
      return { ok: false, message: `YAML aliases expand too far (possible alias bomb): ${msg}`, ruleId: 'yaml-alias-bomb' };
    }
    return { ok: false, message: `invalid YAML: ${msg}`, ruleId: 'parse-error' };
  }
}

/** Iterative depth check, so a 10,000-deep document cannot overflow the stack here. */
function exceedsDepth(root: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= max) return true;
    const values = Array.isArray(node) ? node : Object.values(node);
    for (const v of values) if (v !== null && typeof v === 'object') stack.push([v, depth + 1]);
  }
  return false;
}

function jsonErrorPosition(text: string, err: unknown): { line: number; column: number } | undefined {
  const m = /position (\d+)/.exec((err as Error).message ?? '');
  if (!m) return undefined;
  const pos = Number(m[1]);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: pos - lineStart + 1 };
}


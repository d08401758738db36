import { YAMLException } from 'js-yaml';
import { jsonDeeperThan } from './json-depth.js';
import { loadYaml } from './yaml-subset.js';
import { createRequire } from 'node:module';
import type { ParseError } from 'jsonc-parser';
import type { Diagnostic } from './diagnostic.js';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_DEPTH = 1000;
/** Nodes a document may expand to when YAML aliases are followed (billion-laughs guard). */
export const DEFAULT_MAX_EXPANDED_NODES = 20_000_000;

export interface ParseOptions {
  /** Refuse larger inputs (bytes). Default 50 MB. */
  maxBytes?: number;
  /** Refuse deeper nesting. Default 1000. */
  maxDepth?: number;
  /** Refuse YAML whose aliases expand to more nodes than this. */
  maxExpandedNodes?: number;
}

export interface ParsedText {
  data: unknown;
  format: 'json' | 'yaml';
}

export type ParseResult = { ok: true; value: ParsedText } | { ok: false; problem: Diagnostic };

/**
 * Parse JSON or YAML text with the limits that protect every stage: size,
 * nesting depth, and YAML alias expansion (billion laughs). JSON takes the
 * fast path (`JSON.parse`); YAML the hub writes (specs/openapi.yaml) takes the
 * subset reader (core/yaml-subset.ts), and any other YAML js-yaml, 5–10× faster
 * than `yaml`, whose errors carry line and column. js-yaml shares aliased nodes instead of
 * copying them, so the expansion guard counts nodes per object identity:
 * linear in the document, however many aliases point at a node.
 */
export function parseText(text: string, file: string, options: ParseOptions = {}): ParseResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const maxNodes = options.maxExpandedNodes ?? DEFAULT_MAX_EXPANDED_NODES;
  const fail = (ruleId: string, message: string, line?: number, column?: number): ParseResult => ({
    ok: false,
    problem: { ruleId, severity: 'error', message, file, pointer: '', ...(line ? { line, column: column ?? 1 } : {}) },
  });
  if (text.length > maxBytes) {
    return fail('file-too-large', `file is too large (${(text.length / 1048576).toFixed(1)} MB; the limit is ${(maxBytes / 1048576).toFixed(0)} MB)`);
  }
  if (text.trim() === '') return fail('empty-file', 'file is empty', 1, 1);
  const trimmed = text.trimStart();
  const ext = /\.(json|ya?ml)$/i.exec(file)?.[1]?.toLowerCase();
  let data: unknown;
  let format: 'json' | 'yaml' = 'yaml';
  /** Read by the subset reader: within the depth limit, no aliases. */
  let checked = false;
  if (ext === 'json') {
    // A .json file is JSON: a YAML reading would hide its syntax errors.
    try {
      data = JSON.parse(text);
      format = 'json';
    } catch (err) {
      const pos = jsonErrorPosition(text, err);
      return fail('parse-error', `invalid JSON: ${jsonErrorReason(err)}`, pos?.line, pos?.column);
    }
  } else if (ext === undefined && (trimmed.startsWith('{') || trimmed.startsWith('['))) {
    try {
      data = JSON.parse(text);
      format = 'json';
    } catch (err) {
      // Flow-style YAML also starts with `{`; only report JSON's error when YAML fails too.
      const y = parseYaml(text, maxDepth);
      if (!y.ok) {
        const pos = jsonErrorPosition(text, err);
        return fail('parse-error', `invalid JSON: ${jsonErrorReason(err)}`, pos?.line, pos?.column);
      }
      data = y.data;
    }
  } else {
    const y = parseYaml(text, maxDepth);
    if (!y.ok) return fail('parse-error', y.message, y.line, y.column);
    data = y.data;
    checked = y.subset && text.length <= maxNodes;
  }
  // JSON has no aliases (nothing shared, no cycles) and no more values than characters: only its depth is in question.
  if (format === 'json' && text.length <= maxNodes) checked = true;
  if (checked && format === 'json' && jsonDeeperThan(text, maxDepth)) return fail('too-deep', `nesting is deeper than ${maxDepth} levels`);
  const shape = checked ? 'ok' : measure(data, maxDepth, maxNodes);
  if (shape === 'too-deep') return fail('too-deep', `nesting is deeper than ${maxDepth} levels`);
  if (shape === 'too-large') return fail('yaml-alias-bomb', 'YAML aliases expand to too many nodes (an alias bomb?)');
  if (shape === 'cycle') return fail('yaml-alias-cycle', 'YAML aliases form a cycle');
  return { ok: true, value: { data, format } };
}

/**
 * JSON.parse's reason without its position (the diagnostic has line and column)
 * and without the quoted excerpt V8 adds (`Unexpected token 'o', "…" is not
 * valid JSON`), which can span lines: one line per problem.
 */
function jsonErrorReason(err: unknown): string {
  return (err as Error).message
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/ \(line \d+ column \d+\)$/, '')
    .replace(/, .*" is not valid JSON$/s, '');
}

type YamlResult = { ok: true; data: unknown; subset: boolean } | { ok: false; message: string; line?: number; column?: number };

function parseYaml(text: string, maxDepth: number): YamlResult {
  try {
    // The YAML 1.2 core schema, as JSON data needs and as validate reads it: no timestamps (`2024-11-06`
    // stays a string), no !!binary or merge keys, and `1_000` or `0b101` are strings (js-yaml's own
    // CORE_SCHEMA reads them as YAML 1.1 numbers).
    return { ok: true, ...loadYaml(text, maxDepth) };
  } catch (err) {
    if (err instanceof YAMLException) {
      const mark = err.mark as { line?: number; column?: number } | undefined;
      return {
        ok: false,
        message: `invalid YAML: ${err.reason}`,
        line: mark?.line !== undefined ? mark.line + 1 : undefined,
        column: mark?.column !== undefined ? mark.column + 1 : undefined,
      };
    }
    return { ok: false, message: `invalid YAML: ${(err as Error).message}` };
  }
}

/**
 * Depth and expanded size of a parsed value, memoized per object so shared
 * (aliased) nodes are measured once. Iterative: a 10,000-deep document cannot
 * overflow the stack here.
 */
function measure(root: unknown, maxDepth: number, maxNodes: number): 'ok' | 'too-deep' | 'too-large' | 'cycle' {
  if (root === null || typeof root !== 'object') return 'ok';
  const size = new Map<object, number>();
  const height = new Map<object, number>();
  const onPath = new Set<object>();
  const stack: Array<{ node: object; children: object[]; i: number; size: number; height: number }> = [];
  const push = (node: object) => {
    const values: unknown[] = Array.isArray(node) ? node : Object.values(node);
    const children = values.filter((v): v is object => v !== null && typeof v === 'object');
    onPath.add(node);
    stack.push({ node, children, i: 0, size: 1 + values.length - children.length, height: 0 });
  };
  push(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (stack.length > maxDepth) return 'too-deep';
    if (top.i < top.children.length) {
      const child = top.children[top.i++]!;
      const known = size.get(child);
      if (known !== undefined) {
        top.size += known;
        top.height = Math.max(top.height, height.get(child)! + 1);
      } else if (onPath.has(child)) return 'cycle';
      else push(child);
      continue;
    }
    stack.pop();
    onPath.delete(top.node);
    size.set(top.node, top.size);
    height.set(top.node, top.height);
    if (top.size > maxNodes) return 'too-large';
    if (top.height >= maxDepth) return 'too-deep';
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.size += top.size;
      parent.height = Math.max(parent.height, top.height + 1);
    }
  }
  return 'ok';
}

/**
 * Where a JSON syntax error is. Node 20's `JSON.parse` often omits the
 * position, so on this (failure-only) path a strict scan with jsonc-parser
 * finds the first error's offset.
 */
function jsonErrorPosition(text: string, err: unknown): { line: number; column: number; reason?: string } | undefined {
  // Loaded only for a file that failed to parse: its import costs ~20 ms of every start-up.
  const { parse: parseJsonc, printParseErrorCode } = createRequire(import.meta.url)('jsonc-parser') as typeof import('jsonc-parser');
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  const first = errors[0];
  let offset: number | undefined = first?.offset;
  if (offset === undefined) {
    const m = /position (\d+)/.exec((err as Error).message ?? '');
    if (m) offset = Number(m[1]);
  }
  if (offset === undefined) return undefined;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1, ...(first ? { reason: printParseErrorCode(first.error) } : {}) };
}

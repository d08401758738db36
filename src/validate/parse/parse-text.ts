import yaml from 'js-yaml';
import { checkAliases, checkDepth, MAX_DEPTH, type LimitProblem } from './limits.js';
import { loadYaml } from '../../core/yaml-subset.js';

export interface ParseProblem {
  ruleId: 'parse-error' | 'empty-file' | 'too-deep' | 'yaml-alias-bomb';
  message: string;
  /** 1-based; absent when only a pointer is known. */
  line?: number;
  column?: number;
  /** Where in the data, for problems found after parsing (too deep). */
  pointer?: Array<string | number>;
}

export type ParseTextResult = { ok: true; data: unknown; format: 'json' | 'yaml' } | { ok: false; problem: ParseProblem };

/**
 * Parse JSON or YAML for validation, fast:
 * - JSON (text starting with `{` or `[`) goes to `JSON.parse`; if that fails, a
 *   `.json` file (`strictJson`) is invalid, other text is tried as YAML flow style;
 * - YAML goes to the subset reader for the YAML the hub writes
 *   (`core/yaml-subset.ts`, several times faster), and otherwise to js-yaml with
 *   the YAML 1.2 core schema (`core/yaml-schema.ts`), 2-5x faster than the
 *   `yaml` package, which is only used for positions when a file has problems
 *   (core/positions.ts).
 *
 * Limits: nesting deeper than 1000 levels, and YAML aliases that expand the
 * document by orders of magnitude (js-yaml shares an anchor's object between
 * its aliases, so the check runs in linear time; see limits.ts).
 */
export function parseSourceText(text: string, options: { strictJson?: boolean } = {}): ParseTextResult {
  if (text.trim() === '') return fail({ ruleId: 'empty-file', message: 'file is empty', line: 1, column: 1 });
  const first = firstNonSpace(text);
  let data: unknown;
  let format: 'json' | 'yaml' = 'yaml';
  /** Read by the subset reader: within the depth limit, no aliases. */
  let checked = false;
  if (first === '{' || first === '[') {
    try {
      data = JSON.parse(text);
      format = 'json';
    } catch (err) {
      // Not strict JSON; unless the file says it is JSON (`.json`), it may still be YAML flow style.
      const y = options.strictJson ? undefined : parseYaml(text);
      if (!y?.ok) {
        const pos = jsonErrorPosition(text, err);
        return fail({ ruleId: 'parse-error', message: `invalid JSON: ${jsonReason(err)}`, ...(pos ?? {}) });
      }
      data = y.data;
    }
  } else {
    const y = parseYaml(text);
    if (!y.ok) return y;
    data = y.data;
    checked = y.subset;
  }
  if (data === undefined || (data === null && format === 'yaml' && onlyCommentsOrDirectives(text)))
    return fail({ ruleId: 'empty-file', message: 'the file contains no document (only comments or directives)', line: 1, column: 1 });
  const limit = checked ? undefined : format === 'yaml' && hasAnchor(text) ? checkAliases(data) : checkDepth(data);
  if (limit) return fail(limitProblem(limit, text));
  return { ok: true, data, format };
}

const fail = (problem: ParseProblem): ParseTextResult => ({ ok: false, problem });

function onlyCommentsOrDirectives(text: string): boolean {
  return text.split('\n').every((l) => /^\s*(#.*|%.*|---\s*|\.\.\.\s*)?$/.test(l));
}

function firstNonSpace(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return text[i]!;
  }
  return '';
}

/** An anchor (`&name` at the start of a node) anywhere; false positives only cost the linear alias check. */
function hasAnchor(text: string): boolean {
  return /(?:^|[\s[{,])&[^\s[\]{},]/m.test(text);
}

function parseYaml(text: string): { ok: true; data: unknown; subset: boolean } | { ok: false; problem: ParseProblem } {
  try {
    return { ok: true, ...loadYaml(text, MAX_DEPTH) };
  } catch (err) {
    if (err instanceof yaml.YAMLException) {
      const mark = err.mark as { line?: number; column?: number } | undefined;
      const reason = /expected a single document/.test(err.reason)
        ? 'the file contains more than one YAML document (`---`); an OpenAPI description is one document'
        : err.reason;
      return fail({
        ruleId: 'parse-error',
        message: `invalid YAML: ${reason}`,
        ...(mark?.line !== undefined ? { line: mark.line + 1, column: (mark.column ?? 0) + 1 } : {}),
      }) as { ok: false; problem: ParseProblem };
    }
    if (err instanceof RangeError) {
      // js-yaml is recursive: thousands of nested flow collections overflow the stack.
      const at = deepFlowPosition(text, MAX_DEPTH);
      return fail({
        ruleId: 'too-deep',
        message: `nesting is deeper than ${MAX_DEPTH} levels; the file cannot be validated`,
        ...(at ?? { line: 1, column: 1 }),
      }) as {
        ok: false;
        problem: ParseProblem;
      };
    }
    return fail({ ruleId: 'parse-error', message: `invalid YAML: ${(err as Error).message}`, line: 1, column: 1 }) as { ok: false; problem: ParseProblem };
  }
}

function limitProblem(limit: LimitProblem, text: string): ParseProblem {
  if (limit.kind === 'alias-bomb') {
    return {
      ruleId: 'yaml-alias-bomb',
      message: `YAML aliases expand the document to more than ${limit.expanded.toLocaleString('en-US')} nodes from ${limit.distinct.toLocaleString('en-US')} distinct ones (a "billion laughs" alias bomb); refusing to validate it`,
      ...(aliasPosition(text) ?? { line: 1, column: 1 }),
    };
  }
  const msg = `nesting is deeper than ${MAX_DEPTH} levels; the file cannot be validated`;
  return limit.path.length > 0
    ? { ruleId: 'too-deep', message: msg, pointer: limit.path }
    : { ruleId: 'too-deep', message: msg, ...(deepFlowPosition(text, MAX_DEPTH) ?? { line: 1, column: 1 }) };
}

/** The first alias (`*name`) in the text: where the expansion starts. */
function aliasPosition(text: string): { line: number; column: number } | undefined {
  const m = /(?:^|[\s[{,])(\*[^\s[\]{},]+)/m.exec(text);
  if (!m) return undefined;
  return lineColumn(text, m.index + m[0].length - m[1]!.length);
}

/** Where flow nesting (`[` / `{`, outside quotes) first passes `max` levels. */
function deepFlowPosition(text: string, max: number): { line: number; column: number } | undefined {
  let depth = 0;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === 92 && quote === 34) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    if (c === 34 || c === 39) quote = c;
    else if (c === 91 || c === 123) {
      if (++depth > max) return lineColumn(text, i);
    } else if (c === 93 || c === 125) depth--;
  }
  return undefined;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

function jsonReason(err: unknown): string {
  return ((err as Error).message ?? String(err)).replace(/ in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
}

function jsonErrorPosition(text: string, err: unknown): { line: number; column: number } | undefined {
  const msg = (err as Error).message ?? '';
  const m = /position (\d+)/.exec(msg);
  if (m) return lineColumn(text, Number(m[1]));
  // Node 20: "Unexpected end of JSON input" carries no position: the end of the text.
  if (/end of JSON input/.test(msg)) return lineColumn(text, text.trimEnd().length);
  return undefined;
}

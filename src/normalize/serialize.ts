/**
 * Serialization of the build outputs.
 *
 * The unified document is written by a small YAML emitter for JSON data
 * instead of a general YAML library: it is 5–10× faster than `yaml`'s
 * `stringify` on the 5 MB document, writes no anchors or aliases, never folds
 * lines, and only uses constructs that every mainstream YAML parser reads the
 * same way. (js-yaml's `dump` writes strings whose last line is only spaces as
 * literal blocks that js-yaml and the `yaml` package read differently, so a
 * string is written as a block only when that cannot happen; otherwise it is
 * double-quoted with JSON escapes, which are valid YAML escapes.)
 */
export function toYaml(doc: unknown): string {
  const out: string[] = [];
  if (isCollection(doc) && !isEmpty(doc)) emitBlock(doc, 0, out);
  else out.push(scalarOrFlow(doc, 0));
  return out.join('\n') + '\n';
}

export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** The JSON index of the unified document: the document itself, and the sha256 of the YAML text it mirrors. */
export interface UnifiedIndex {
  source: { file: string; sha256: string };
  document: unknown;
}

/**
 * `specs/openapi.index.json`: the unified document as one line of JSON, for readers that
 * need it fast (`JSON.parse` is several times faster than any YAML parser). A reader
 * trusts it only when `source.sha256` is the hash of the YAML on disk.
 */
export function toIndexJson(document: unknown, yamlSha256: string, file = 'specs/openapi.yaml', documentJson?: string): string {
  const source: UnifiedIndex['source'] = { file, sha256: yamlSha256 };
  // The same bytes as JSON.stringify of the whole index: compact JSON nests by concatenation.
  if (documentJson !== undefined) return `{"source":${JSON.stringify(source)},"document":${documentJson}}\n`;
  const index: UnifiedIndex = { source, document };
  return JSON.stringify(index) + '\n';
}

type Collection = Record<string, unknown> | unknown[];

const isCollection = (v: unknown): v is Collection => v !== null && typeof v === 'object';
const isEmpty = (v: Collection): boolean => (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0);
const pads: string[] = [];
const pad = (n: number): string => (pads[n] ??= ' '.repeat(n));

/** A non-empty object or array as block lines at `indent`. */
function emitBlock(node: Collection, indent: number, out: string[]): void {
  const p = pad(indent);
  if (Array.isArray(node)) {
    for (const item of node) {
      if (item === undefined) continue;
      if (isCollection(item) && !isEmpty(item)) {
        // `- ` then the first line of the nested block on the same line.
        const start = out.length;
        emitBlock(item, indent + 2, out);
        out[start] = `${p}- ${out[start]!.slice(indent + 2)}`;
      } else out.push(`${p}- ${scalarOrFlow(item, indent + 2)}`);
    }
    return;
  }
  for (const k in node) {
    const v = node[k];
    if (v === undefined) continue;
    const key = scalar(k);
    if (isCollection(v) && !isEmpty(v)) {
      out.push(`${p}${key}:`);
      emitBlock(v, indent + 2, out);
    } else out.push(`${p}${key}: ${scalarOrFlow(v, indent + 2)}`);
  }
}

function scalarOrFlow(v: unknown, indent: number): string {
  if (Array.isArray(v)) return '[]';
  if (isCollection(v)) return '{}';
  if (typeof v === 'string' && v.includes('\n') && blockSafe(v)) return literalBlock(v, indent);
  return scalar(v);
}

/**
 * How each string is written, remembered: keys and values repeat thousands of
 * times (`type`, `description`, `string`), so each is checked once. Short
 * strings only, so the cache stays small.
 */
const written = new Map<string, string>();

function scalar(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  const s = String(v);
  if (s.length > 64) return quote(s);
  let out = written.get(s);
  if (out === undefined) {
    out = quote(s);
    if (written.size < 100_000) written.set(s, out);
  }
  return out;
}

function quote(s: string): string {
  if (plainSafe(s)) return s;
  if (!/['\n\r\t\\]|[^\x20-\x7e\u00a0-\ud7ff\ue000-\ufffd]/u.test(s)) return `'${s}'`;
  return doubleQuoted(s);
}

/** JSON string escapes are YAML double-quoted escapes; also escape the characters YAML 1.1 reads as line breaks. */
function doubleQuoted(s: string): string {
  return JSON.stringify(s).replace(/[\u0085\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Words that a YAML 1.1 or 1.2 reader would take for something other than a string. */
const RESERVED = new Set(['null', 'true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', '~', '<<', '=']);

/**
 * A conservative plain (unquoted) scalar: word-like text that no YAML reader
 * (core schema, YAML 1.1 booleans, js-yaml's default timestamps) takes for a
 * number, boolean, null or date.
 */
function plainSafe(s: string): boolean {
  if (s === '' || s.length > 200) return false;
  if (!/^[A-Za-z_/$][A-Za-z0-9 _./$()+\-=,;@:#%~?&{}[\]]*$/.test(s) || s.endsWith(' ') || s.endsWith(':')) return false;
  if (s.includes(': ') || s.includes(' #')) return false;
  return !RESERVED.has(s.toLowerCase());
}

/**
 * A multi-line string can be a literal block when every parser reads it back
 * the same: printable, no carriage returns, no line ending in white space
 * (whitespace-only lines are where parsers disagree), the first non-empty
 * line not indented (block indentation is detected from it), and at most one
 * trailing newline (`|` keeps one, `|-` none).
 */
function blockSafe(s: string): boolean {
  if (/[^\n\x20-\x7e\u00a0-\ud7ff\ue000-\ufffd]/u.test(s) || /[\u0085\u2028\u2029\ufeff]/.test(s)) return false;
  if (/[ \t]\n|[ \t]$/.test(s) || s.endsWith('\n\n') || s === '\n') return false;
  const firstText = /^\n*([^\n])/.exec(s);
  return firstText !== null && firstText[1] !== ' ' && firstText[1] !== '\t';
}

function literalBlock(s: string, indent: number): string {
  const keep = s.endsWith('\n');
  const body = keep ? s.slice(0, -1) : s;
  const p = pad(indent);
  return (
    (keep ? '|' : '|-') +
    body
      .split('\n')
      .map((line) => (line === '' ? '\n' : `\n${p}${line}`))
      .join('')
  );
}

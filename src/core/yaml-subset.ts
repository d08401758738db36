import yaml from 'js-yaml';
import { CORE_SCHEMA_FAST, NOT_A_CORE_SCALAR, resolveScalar } from './yaml-schema.js';

/**
 * js-yaml's `load` with the project's schema (and its errors), through the
 * fast reader while the text is in its subset. `subset: true` says the fast
 * reader read it: then the document has no aliases, nests at most `maxDepth`
 * collections deep, and has fewer nodes than the text has characters, so the
 * callers' alias and depth checks have nothing to find.
 */
export function loadYaml(text: string, maxDepth: number): { data: unknown; subset: boolean } {
  const fast = readYamlSubset(text, maxDepth);
  if (fast) return { data: fast.data, subset: true };
  return { data: yaml.load(text, { schema: CORE_SCHEMA_FAST }), subset: false };
}

/**
 * A fast reader for the block YAML that the hub writes itself
 * (normalize/serialize.ts `toYaml`: specs/openapi.yaml), several times faster
 * than js-yaml. It returns exactly what js-yaml returns with the project's
 * schema (core/yaml-schema.ts), or `undefined` the moment the text leaves the
 * subset; the caller then parses it with js-yaml, which also reports every error.
 *
 * The subset:
 * - block mappings and block sequences (`- ` items, compact `- key: v` and
 *   `- - v`, sequences at their key's indentation), any consistent indentation;
 * - keys: plain, 'single' or "double" quoted, followed by `:` and a space or
 *   the line end;
 * - values: plain scalars (YAML 1.2 core schema), single-line quoted scalars,
 *   literal block scalars (`|`, `|-`), empty `[]` and `{}`, and empty values (null);
 * - blank lines, comment lines and ` # comments` after a value.
 *
 * Out of it (js-yaml reads them): anchors, aliases, tags, directives, `---`/`...`,
 * flow collections with content, folded (`>`) or keep (`|+`) or explicitly
 * indented block scalars, multi-line plain or quoted scalars, explicit keys
 * (`? `), tabs, carriage returns, non-printable characters, duplicate keys,
 * `__proto__` keys, top-level scalars, and nesting deeper than `maxDepth`.
 *
 * No positions: problems are located later, and only for files that have
 * some (core/positions.ts).
 */
export function readYamlSubset(text: string, maxDepth: number): { data: unknown } | undefined {
  if (NEEDS_JS_YAML.test(text) || (SURROGATE.test(text) && LONE_SURROGATE.test(text))) return undefined;
  const reader = new SubsetReader(text, maxDepth);
  try {
    return { data: reader.document() };
  } catch (err) {
    if (err === OUT) return undefined;
    throw err;
  }
}

/**
 * Characters the subset never holds: tabs, carriage returns, and what js-yaml
 * refuses as non-printable (its PATTERN_NON_PRINTABLE, split so the common
 * case is one character-class scan; lone surrogates are looked for only in
 * text that has surrogates at all). One native scan of the text costs less
 * than a check per character in the loops below while they are still cold.
 */
const NEEDS_JS_YAML = /[\x00-\x09\x0B-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]/;
const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

/** Thrown (one shared object, no stack trace) when the text leaves the subset. */
const OUT = { outOfSubset: true };

const SPACE = 0x20;
const LF = 0x0a;
const HASH = 0x23;
const DASH = 0x2d;
const COLON = 0x3a;
const SQUOTE = 0x27;
const DQUOTE = 0x22;
const BACKSLASH = 0x5c;
const hasOwn = Object.prototype.hasOwnProperty;

class SubsetReader {
  private readonly text: string;
  private readonly len: number;
  private readonly maxDepth: number;
  /** Start of the current line (the next one not yet consumed). */
  private pos: number;

  constructor(text: string, maxDepth: number) {
    this.text = text;
    this.len = text.length;
    this.maxDepth = maxDepth;
    this.pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  document(): unknown {
    const indent = this.nextLine();
    if (indent < 0) throw OUT;
    const data = this.block(indent, this.pos + indent, 1);
    if (this.nextLine() >= 0) throw OUT;
    return data;
  }

  /**
   * Skip blank and comment lines; return the indentation of the next content
   * line (this.pos is its start), or -1 at the end of the text.
   */
  private nextLine(): number {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      if (p >= this.len) {
        this.pos = this.len;
        return -1;
      }
      let i = p;
      while (t.charCodeAt(i) === SPACE) i++;
      const c = t.charCodeAt(i);
      if (c === LF) {
        p = i + 1;
        continue;
      }
      if (i >= this.len) {
        this.pos = this.len;
        return -1;
      }
      if (c === HASH) {
        const nl = t.indexOf('\n', i);
        p = nl < 0 ? this.len : nl + 1;
        continue;
      }
      // Document markers and directives belong to js-yaml.
      if (i === p && (c === 0x25 || ((c === DASH || c === 0x2e) && t.charCodeAt(i + 1) === c && t.charCodeAt(i + 2) === c))) throw OUT;
      this.pos = p;
      return i - p;
    }
  }

  /** A block collection whose first entry starts at `p`, in column `col`. */
  private block(col: number, p: number, depth: number): unknown {
    return this.isDash(p) ? this.sequence(col, p, depth) : this.mapping(col, p, depth);
  }

  /** `-` followed by a space or the end of the line: a sequence entry. */
  private isDash(p: number): boolean {
    if (this.text.charCodeAt(p) !== DASH) return false;
    const n = this.text.charCodeAt(p + 1);
    return n === SPACE || n === LF || p + 1 >= this.len;
  }

  private sequence(col: number, p: number, depth: number): unknown[] {
    if (depth > this.maxDepth) throw OUT;
    const out: unknown[] = [];
    const t = this.text;
    for (;;) {
      // p is at the `-` of an entry, in column col.
      let q = p + 1;
      while (t.charCodeAt(q) === SPACE) q++;
      out.push(this.entryValue(col, q, col + (q - p), depth, false));
      const indent = this.nextLine();
      if (indent < col) return out;
      if (indent > col) throw OUT;
      p = this.pos + col;
      if (!this.isDash(p)) return out; // the next key of a mapping at the same column
    }
  }

  private mapping(col: number, p: number, depth: number): Record<string, unknown> {
    if (depth > this.maxDepth) throw OUT;
    const out: Record<string, unknown> = {};
    for (;;) {
      // p is at a key, in column col.
      const key = this.key(p);
      if (key === '__proto__' || (out[key] !== undefined && hasOwn.call(out, key))) throw OUT;
      let q = this.keyEnd;
      while (this.text.charCodeAt(q) === SPACE) q++;
      out[key] = this.entryValue(col, q, col + (q - p), depth, true);
      const indent = this.nextLine();
      if (indent < col) return out;
      if (indent > col) throw OUT;
      p = this.pos + col;
    }
  }

  /** Set by key(): the position just after the key's `:`. */
  private keyEnd = 0;

  /** The key starting at p (as js-yaml converts it to a property name). */
  private key(p: number): string {
    const t = this.text;
    const c = t.charCodeAt(p);
    let key: string;
    let end: number;
    if (c === DQUOTE || c === SQUOTE) {
      key = c === DQUOTE ? this.doubleQuoted(p) : this.singleQuoted(p);
      end = this.scalarEnd;
      if (t.charCodeAt(end) !== COLON) throw OUT;
    } else {
      if (!plainStart(c, t.charCodeAt(p + 1))) throw OUT;
      end = p;
      for (;;) {
        const ch = t.charCodeAt(end);
        if (ch === COLON) {
          const n = t.charCodeAt(end + 1);
          if (n === SPACE || n === LF || end + 1 >= this.len) break;
        } else if (ch === LF || end >= this.len) throw OUT;
        else if (ch === HASH && t.charCodeAt(end - 1) === SPACE) throw OUT;
        end++;
      }
      if (t.charCodeAt(end - 1) === SPACE) throw OUT;
      key = t.slice(p, end);
      const v = resolveScalar(key);
      if (v !== NOT_A_CORE_SCALAR) key = String(v);
    }
    const n = t.charCodeAt(end + 1);
    if (n !== SPACE && n !== LF && end + 1 < this.len) throw OUT;
    this.keyEnd = end + 1;
    return key;
  }

  /**
   * The value of a mapping entry or a sequence entry whose content starts at q
   * (column qcol), after `key:` or `-` and their spaces; `col` is the column of
   * the key or of the `-`. Consumes its lines.
   */
  private entryValue(col: number, q: number, qcol: number, depth: number, inMapping: boolean): unknown {
    const t = this.text;
    const c = t.charCodeAt(q);
    if (c === LF || q >= this.len || (c === HASH && t.charCodeAt(q - 1) === SPACE)) {
      // Nothing on this line: a nested block below, or null.
      this.skipLine(q);
      const indent = this.nextLine();
      if (indent > col) return this.block(indent, this.pos + indent, depth + 1);
      if (indent === col && inMapping && this.isDash(this.pos + col)) return this.block(col, this.pos + col, depth + 1);
      return null;
    }
    switch (c) {
      case DQUOTE:
      case SQUOTE: {
        const s = c === DQUOTE ? this.doubleQuoted(q) : this.singleQuoted(q);
        if (t.charCodeAt(this.scalarEnd) === COLON) {
          if (inMapping) throw OUT;
          return this.mapping(qcol, q, depth + 1);
        }
        this.endOfLine(this.scalarEnd);
        return s;
      }
      case 0x7c: // |
        return this.literal(col, q);
      case 0x5b: // [
      case 0x7b: // {
        if (t.charCodeAt(q + 1) !== c + 2) throw OUT; // only [] and {}
        if (depth + 1 > this.maxDepth) throw OUT;
        this.endOfLine(q + 2);
        return c === 0x5b ? [] : {};
      case DASH:
        if (this.isDash(q)) {
          if (inMapping) throw OUT;
          return this.block(qcol, q, depth + 1);
        }
        break;
      default:
        break;
    }
    if (!plainStart(c, t.charCodeAt(q + 1))) throw OUT;
    // A plain scalar, or (in a sequence) the first key of a compact mapping.
    let end = q;
    for (;;) {
      const ch = t.charCodeAt(end);
      if (ch === LF || end >= this.len) break;
      if (ch === COLON) {
        const n = t.charCodeAt(end + 1);
        if (n === SPACE || n === LF || end + 1 >= this.len) {
          if (inMapping) throw OUT;
          return this.mapping(qcol, q, depth + 1);
        }
      } else if (ch === HASH && t.charCodeAt(end - 1) === SPACE) break;
      end++;
    }
    const lineEnd = end;
    if (t.charCodeAt(end) === HASH) {
      // ` # comment`: the rest of the line.
      while (end < this.len && t.charCodeAt(end) !== LF) end++;
    }
    this.pos = end >= this.len ? this.len : end + 1;
    let stop = lineEnd;
    while (t.charCodeAt(stop - 1) === SPACE) stop--;
    const s = t.slice(q, stop);
    const v = resolveScalar(s);
    return v === NOT_A_CORE_SCALAR ? s : v;
  }

  /** Set by doubleQuoted() and singleQuoted(): the position after the closing quote. */
  private scalarEnd = 0;

  /** A double-quoted scalar on one line; JSON's escapes (a subset of YAML's, same meaning) go through JSON.parse. */
  private doubleQuoted(p: number): string {
    const t = this.text;
    let i = p + 1;
    let escaped = false;
    for (;;) {
      const ch = t.charCodeAt(i);
      if (ch === DQUOTE) break;
      if (ch === BACKSLASH) {
        escaped = true;
        i += 2;
        continue;
      }
      if (ch === LF || i >= this.len) throw OUT;
      i++;
    }
    if (i >= this.len) throw OUT;
    this.scalarEnd = i + 1;
    if (!escaped) return t.slice(p + 1, i);
    const raw = t.slice(p, i + 1);
    if (raw.includes('\n')) throw OUT; // an escaped line break: a multi-line scalar
    try {
      return JSON.parse(raw) as string;
    } catch {
      throw OUT; // a YAML-only escape (\x41, \e, \N, …)
    }
  }

  /** A single-quoted scalar on one line (`''` is a quote). */
  private singleQuoted(p: number): string {
    const t = this.text;
    let i = p + 1;
    let escaped = false;
    for (;;) {
      const ch = t.charCodeAt(i);
      if (ch === SQUOTE) {
        if (t.charCodeAt(i + 1) !== SQUOTE) break;
        escaped = true;
        i += 2;
        continue;
      }
      if (ch === LF || i >= this.len) throw OUT;
      i++;
    }
    this.scalarEnd = i + 1;
    const s = t.slice(p + 1, i);
    return escaped ? s.replaceAll("''", "'") : s;
  }

  /**
   * A literal block scalar (`|` or `|-`) whose header is at q, in an entry at
   * column `col`, as js-yaml reads it: the content indentation is that of the
   * first non-empty line; a less indented non-empty line ends the block.
   */
  private literal(col: number, q: number): string {
    const t = this.text;
    let h = q + 1;
    const strip = t.charCodeAt(h) === DASH;
    if (strip) h++;
    this.endOfLine(h);
    let p = this.pos;
    let indent = -1;
    let empty = 0;
    let out = '';
    let read = false;
    while (p < this.len) {
      let i = p;
      if (indent < 0) {
        while (t.charCodeAt(i) === SPACE) i++;
        const c = t.charCodeAt(i);
        if (c === LF || i >= this.len) {
          if (i > p) throw OUT; // leading lines of spaces change js-yaml's indentation detection
          empty++;
          p = i + 1;
          continue;
        }
        if (i - p <= col) throw OUT; // an empty block scalar
        indent = i - p;
      } else {
        const max = p + indent;
        while (i < max && t.charCodeAt(i) === SPACE) i++;
        const c = t.charCodeAt(i);
        if (c === LF || i >= this.len) {
          empty++;
          p = i + 1;
          continue;
        }
        if (i < max) break;
      }
      let nl = i;
      for (;;) {
        const ch = t.charCodeAt(nl);
        if (ch === LF || nl >= this.len) break;
        nl++;
      }
      if (read) out += empty === 0 ? '\n' : '\n'.repeat(empty + 1);
      else if (empty > 0) out += '\n'.repeat(empty);
      out += t.slice(i, nl);
      read = true;
      empty = 0;
      p = nl + 1;
    }
    this.pos = Math.min(p, this.len);
    return !strip && read ? out + '\n' : out;
  }

  /** After a value: spaces, then the line end or a ` # comment`. Moves to the next line. */
  private endOfLine(p: number): void {
    const t = this.text;
    let i = p;
    while (t.charCodeAt(i) === SPACE) i++;
    const c = t.charCodeAt(i);
    if (c === HASH && i > p) this.skipLine(i);
    else if (c === LF || i >= this.len) this.pos = i >= this.len ? this.len : i + 1;
    else throw OUT;
  }

  private skipLine(p: number): void {
    const nl = this.text.indexOf('\n', p);
    this.pos = nl < 0 ? this.len : nl + 1;
  }
}

/**
 * Whether a plain scalar may start with c (then n): not an indicator, and `-`
 * only before a non-space. `?` and `:` starts are left to js-yaml.
 */
function plainStart(c: number, n: number): boolean {
  switch (c) {
    case SPACE:
    case LF:
    case HASH:
    case 0x26: // &
    case 0x2a: // *
    case 0x21: // !
    case 0x7c: // |
    case 0x3e: // >
    case SQUOTE:
    case DQUOTE:
    case 0x25: // %
    case 0x40: // @
    case 0x60: // `
    case 0x2c: // ,
    case 0x5b: // [
    case 0x5d: // ]
    case 0x7b: // {
    case 0x7d: // }
    case 0x3f: // ?
    case COLON:
      return false;
    case DASH:
      return n !== SPACE && n !== LF && !Number.isNaN(n);
    default:
      return !Number.isNaN(c);
  }
}

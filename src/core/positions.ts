import { createRequire } from 'node:module';
import type { Node as YamlNode } from 'yaml';
import { parsePointer } from './pointer.js';

/** 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/**
 * Line and column of many JSON pointers in one source text, computed only when
 * a file has problems to print. JSON is scanned once, descending only into the
 * wanted paths (fast even for 10 MB). YAML is scanned the same way by a small
 * reader of block and flow YAML (indentation, keys, quoting; see
 * `blockYamlOffsets`); on anything it does not handle (aliases on the path,
 * complex keys, directives) it gives up and the text is parsed once with
 * `yaml`'s CST, which is exact but several seconds for a 5 MB file.
 *
 * A pointer to an object member points at its key (where a reader looks for
 * `unknown property x`); an array item at its value. A pointer that does not
 * exist gets the position of its deepest existing ancestor.
 */
export function locatePointers(text: string, format: 'json' | 'yaml', pointers: readonly string[]): Map<string, Position> {
  const lines = new LineTable(text);
  const paths = pointers.map(safeSegments);
  // The scanners note each offset on the trie of the wanted paths (no key strings); a failed scan's trie is dropped.
  let trie = buildTrie(paths);
  if (format !== 'json' || !scanJson(text, trie)) {
    if (format === 'json') trie = buildTrie(paths);
    if (!scanBlockYaml(text, trie, lines)) return locateByMap(lines, yamlOffsets(text, pointers), pointers, paths);
  }
  const out = new Map<string, Position>();
  for (let i = 0; i < pointers.length; i++) {
    // The deepest node of the path that was found: the pointer's own, or its nearest ancestor's.
    let node: Trie | undefined = trie;
    let offset = trie.offset;
    for (const seg of paths[i]!) {
      node = node.children.get(seg);
      if (node === undefined) break;
      if (node.offset !== -1) offset = node.offset;
    }
    out.set(pointers[i]!, lines.position(offset === -1 ? 0 : offset));
  }
  return out;
}

/** `locatePointers` from offsets by joined segments (the `yaml` package's). */
function locateByMap(lines: LineTable, found: Map<string, number>, pointers: readonly string[], paths: readonly string[][]): Map<string, Position> {
  const out = new Map<string, Position>();
  for (let i = 0; i < pointers.length; i++) {
    let segs = paths[i]!;
    let offset = found.get(key(segs));
    while (offset === undefined && segs.length > 0) {
      segs = segs.slice(0, -1);
      offset = found.get(key(segs));
    }
    out.set(pointers[i]!, lines.position(offset ?? 0));
  }
  return out;
}

const key = (segs: readonly string[]): string => segs.join('\u0000');

function safeSegments(p: string): string[] {
  try {
    return parsePointer(p);
  } catch {
    return [];
  }
}

/** Line and column (1-based) of an offset in `text`, by binary search over the line starts, computed once. */
export function lineIndex(text: string): (offset: number) => Position {
  const lines = new LineTable(text);
  return (offset) => lines.position(offset);
}

/** A line of `LineTable.indents` that is blank or only a comment. */
const BLANK = -1;
/** A line of `LineTable.indents` that is a document marker (`---`, `...`): it ends every block. */
const DOC_MARKER = -2;

/** The lines of a text: where each starts (computed once), and for block YAML each line's indentation. */
class LineTable {
  readonly starts: number[] = [0];
  private indentTable: { indent: Int32Array; skip: Int32Array } | undefined;

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** The index of the line that holds `offset`. */
  lineOf(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  position(offset: number): Position {
    const line = this.lineOf(offset);
    return { line: line + 1, column: offset - (this.starts[line] ?? 0) + 1 };
  }

  /**
   * Per line: `indent`, the number of leading spaces of a line with content (BLANK for a line
   * with nothing but spaces, tabs or a comment; DOC_MARKER), and `skip`, the next line with
   * content whose indent is not deeper (or a document marker; the line count when none), so
   * that the lines of a nested block are passed over in one step.
   */
  indents(): { indent: Int32Array; skip: Int32Array } {
    if (this.indentTable) return this.indentTable;
    const { text, starts } = this;
    const n = text.length;
    const count = starts.length;
    const indent = new Int32Array(count);
    const skip = new Int32Array(count).fill(count);
    const open = new Int32Array(count);
    let top = 0;
    for (let l = 0; l < count; l++) {
      const ls = starts[l]!;
      let i = ls;
      while (i < n && text.charCodeAt(i) === 32) i++;
      const m = i - ls;
      while (i < n && text.charCodeAt(i) === 9) i++;
      const c = text.charCodeAt(i);
      if (!(i < n && c !== 10 && c !== 13 && c !== 35)) {
        indent[l] = BLANK;
        continue;
      }
      const marker = m === 0 && isDocMarker(text, ls);
      indent[l] = marker ? DOC_MARKER : m;
      const level = marker ? BLANK : m;
      while (top > 0 && indent[open[top - 1]!]! >= level) skip[open[--top]!] = l;
      open[top++] = l;
    }
    this.indentTable = { indent, skip };
    return this.indentTable;
  }
}

/** A `---` or `...` line (the caller knows `ls` starts a line). */
function isDocMarker(text: string, ls: number): boolean {
  const three = text.slice(ls, ls + 3);
  return (three === '---' || three === '...') && (ls + 3 >= text.length || /\s/.test(text[ls + 3]!));
}

/** The wanted paths, as a tree of segments; a scan notes on each node where it found it (-1: not found). */
interface Trie {
  children: Map<string, Trie>;
  offset: number;
}

function buildTrie(paths: readonly string[][]): Trie {
  const root: Trie = { children: new Map(), offset: -1 };
  for (const segs of paths) {
    let node = root;
    for (const s of segs) {
      let next = node.children.get(s);
      if (!next) node.children.set(s, (next = { children: new Map(), offset: -1 }));
      node = next;
    }
  }
  return root;
}

/** The offsets a scan noted on a trie, by joined segments (root included). */
function trieOffsets(trie: Trie): Map<string, number> {
  const found = new Map<string, number>();
  const path: string[] = [];
  const visit = (node: Trie): void => {
    if (node.offset !== -1) found.set(key(path), node.offset);
    for (const [seg, child] of node.children) {
      path.push(seg);
      visit(child);
      path.pop();
    }
  };
  visit(trie);
  return found;
}

/** The characters that open or close a JSON container or a string. */
const STRUCTURAL = /["{}[\]]/g;

/** The state of one scan by `scanJson`: the text and the position. */
class JsonScanner {
  readonly n: number;
  i = 0;

  constructor(readonly text: string) {
    this.n = text.length;
  }

  ws(): void {
    while (this.i < this.n) {
      const c = this.text.charCodeAt(this.i);
      if (c === 32 || c === 10 || c === 13 || c === 9) this.i++;
      else break;
    }
  }

  skipString(): void {
    // Jump from quote to quote (indexOf is native); a quote after an odd run of backslashes is escaped.
    const open = this.i;
    let from = this.i + 1;
    for (;;) {
      const q = this.text.indexOf('"', from);
      if (q === -1) throw new Error('unterminated string');
      let b = q - 1;
      while (b > open && this.text.charCodeAt(b) === 92) b--;
      if ((q - 1 - b) % 2 === 0) {
        this.i = q + 1;
        return;
      }
      from = q + 1;
    }
  }

  readString(): string {
    const start = this.i;
    this.skipString();
    const raw = this.text.slice(start + 1, this.i - 1);
    return raw.includes('\\') ? (JSON.parse(this.text.slice(start, this.i)) as string) : raw;
  }

  skipValue(): void {
    this.ws();
    const c = this.text.charCodeAt(this.i);
    if (c === 34) return this.skipString();
    if (c === 123 || c === 91) {
      // From bracket to bracket or quote (a native scan), counting depth; strings are skipped whole.
      const next = STRUCTURAL;
      let depth = 0;
      for (;;) {
        next.lastIndex = this.i;
        if (!next.test(this.text)) throw new Error('unterminated container');
        const at = next.lastIndex - 1;
        const d = this.text.charCodeAt(at);
        this.i = at;
        if (d === 34) {
          this.skipString();
          continue;
        }
        this.i = at + 1;
        if (d === 123 || d === 91) depth++;
        else if (--depth === 0) return;
      }
    }
    while (this.i < this.n) {
      const d = this.text.charCodeAt(this.i);
      if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) return;
      this.i++;
    }
  }

  scan(node: Trie): void {
    this.ws();
    const c = this.text.charCodeAt(this.i);
    if (node.children.size === 0) return this.skipValue();
    if (c === 123) {
      this.i++;
      this.ws();
      if (this.text.charCodeAt(this.i) === 125) {
        this.i++;
        return;
      }
      for (;;) {
        this.ws();
        const keyStart = this.i;
        const k = this.readString();
        this.ws();
        if (this.text.charCodeAt(this.i) !== 58) throw new Error('expected :');
        this.i++;
        const child = node.children.get(k);
        if (child) {
          child.offset = keyStart;
          this.scan(child);
        } else this.skipValue();
        this.ws();
        const d = this.text.charCodeAt(this.i);
        this.i++;
        if (d === 125) return;
        if (d !== 44) throw new Error('expected , or }');
      }
    }
    if (c === 91) {
      this.i++;
      this.ws();
      if (this.text.charCodeAt(this.i) === 93) {
        this.i++;
        return;
      }
      for (let index = 0; ; index++) {
        this.ws();
        const child = node.children.get(String(index));
        if (child) {
          child.offset = this.i;
          this.scan(child);
        } else this.skipValue();
        this.ws();
        const d = this.text.charCodeAt(this.i);
        this.i++;
        if (d === 93) return;
        if (d !== 44) throw new Error('expected , or ]');
      }
    }
    this.skipValue();
  }
}

/**
 * Notes on the trie the offset of every wanted path and its ancestors in JSON
 * text. False when the text is not plain JSON (YAML-flavoured JSON then goes
 * through the YAML path).
 */
function scanJson(text: string, trie: Trie): boolean {
  const scanner = new JsonScanner(text);
  try {
    scanner.ws();
    trie.offset = scanner.i;
    scanner.scan(trie);
  } catch {
    return false;
  }
  return true;
}

export function yamlOffsets(text: string, pointers: readonly string[]): Map<string, number> {
  const found = new Map<string, number>();
  // The `yaml` package is the last resort, loaded only then (its import alone takes 40-90 ms).
  const { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  const rootNode = doc.contents as YamlNode | null;
  found.set('', rootNode?.range?.[0] ?? 0);
  for (const p of pointers) {
    let node: unknown = rootNode;
    const path: string[] = [];
    for (const seg of safeSegments(p)) {
      if (isAlias(node)) node = node.resolve(doc);
      let offset: number | undefined;
      if (isMap(node)) {
        const pair = node.items.find((it) => (isScalar(it.key) ? String(it.key.value) : String(it.key)) === seg);
        if (!pair) break;
        offset = (pair.key as YamlNode | null)?.range?.[0];
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(seg)];
        if (item === undefined) break;
        offset = (item as YamlNode | null)?.range?.[0];
        node = item;
      } else break;
      path.push(seg);
      if (offset !== undefined) found.set(key(path), offset);
    }
  }
  return found;
}

/** Thrown by the block-YAML scanner on syntax it does not handle: `yaml` then does the job. */
class Unsupported extends Error {}

/** The state of one scan by `scanBlockYaml`: the text and its lines. */
class BlockYamlScanner {
  readonly n: number;

  constructor(
    readonly text: string,
    readonly lines: LineTable,
  ) {
    this.n = text.length;
  }

  lineEnd(p: number): number {
    const e = this.text.indexOf('\n', p);
    return e === -1 ? this.n : e;
  }

  indentOf(lineStart: number): number {
    let i = lineStart;
    while (i < this.n && this.text.charCodeAt(i) === 32) i++;
    return i - lineStart;
  }

  /** First line at or after `lineStart` with content (not blank, not only a comment). */
  contentLine(lineStart: number): number {
    let ls = lineStart;
    while (ls < this.n) {
      let i = ls + this.indentOf(ls);
      while (i < this.n && this.text.charCodeAt(i) === 9) i++;
      const c = this.text.charCodeAt(i);
      if (i < this.n && c !== 10 && c !== 13 && c !== 35) return ls;
      ls = this.lineEnd(ls) + 1;
    }
    return this.n;
  }

  nextLine(p: number): number {
    return Math.min(this.n, this.lineEnd(p) + 1);
  }

  isDocMarker(ls: number): boolean {
    return isDocMarker(this.text, ls);
  }

  /** At p (after `:` or `- `): nothing but spaces and maybe a comment up to the end of the line. */
  restIsEmpty(p: number): boolean {
    let i = p;
    while (i < this.n && (this.text.charCodeAt(i) === 32 || this.text.charCodeAt(i) === 9)) i++;
    const c = this.text.charCodeAt(i);
    return i >= this.n || c === 10 || c === 13 || (c === 35 && i > p);
  }

  skipInlineSpace(p: number): number {
    let i = p;
    while (i < this.n && (this.text.charCodeAt(i) === 32 || this.text.charCodeAt(i) === 9)) i++;
    return i;
  }

  isSeqEntry(p: number): boolean {
    return this.text.charCodeAt(p) === 45 && (p + 1 >= this.n || /[ \t\r\n]/.test(this.text[p + 1]!));
  }

  /** Reads a mapping key at p; returns the key and the position just after its `:`, or undefined when p does not start an entry. */
  readKey(p: number): { key: string; after: number } | undefined {
    const c = this.text.charCodeAt(p);
    if (c === 63 && /[ \t\r\n]/.test(this.text[p + 1] ?? ' ')) throw new Unsupported('complex key');
    if (c === 38 || c === 33 || c === 42) throw new Unsupported('key properties or alias');
    if (c === 34 || c === 39) {
      const end = this.quotedEnd(p);
      let i = this.skipInlineSpace(end);
      if (this.text.charCodeAt(i) !== 58) return undefined;
      i++;
      return { key: this.unquote(this.text.slice(p, end)), after: i };
    }
    const e = this.lineEnd(p);
    for (let i = p; i < e; i++) {
      const d = this.text.charCodeAt(i);
      if (d === 58) {
        const next = this.text.charCodeAt(i + 1);
        if (i + 1 >= e || next === 32 || next === 9 || next === 13) return { key: this.text.slice(p, i).trimEnd(), after: i + 1 };
      } else if (d === 35 && i > p && (this.text.charCodeAt(i - 1) === 32 || this.text.charCodeAt(i - 1) === 9)) return undefined;
    }
    return undefined;
  }

  quotedEnd(p: number): number {
    const q = this.text.charCodeAt(p);
    let i = p + 1;
    while (i < this.n) {
      const c = this.text.charCodeAt(i);
      if (q === 34 && c === 92) i += 2;
      else if (c === q) {
        if (q === 39 && this.text.charCodeAt(i + 1) === 39) i += 2;
        else return i + 1;
      } else i++;
    }
    throw new Unsupported('unterminated quote');
  }

  unquote(raw: string): string {
    if (raw.startsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
    try {
      return JSON.parse(raw.replace(/\n\s*/g, ' ')) as string;
    } catch {
      throw new Unsupported('escape');
    }
  }

  /** Skips `&anchor` and `!tag` before a value; an alias on a wanted path is not followed. */
  skipProperties(p: number): number {
    let i = this.skipInlineSpace(p);
    for (;;) {
      const c = this.text.charCodeAt(i);
      if (c !== 38 && c !== 33) return i;
      while (i < this.n && !/[ \t\r\n]/.test(this.text[i]!)) i++;
      i = this.skipInlineSpace(i);
    }
  }

  /**
   * The value that starts at `p` (just after `key:` or `- `), owned by a
   * collection at indent `owner`. `seqOwner`: the value is a mapping value and a
   * sequence at the same indent is allowed (`key:\n- a`).
   */
  value(p: number, owner: number, node: Trie, inSeqItem: boolean): void {
    if (node.children.size === 0) return;
    const i = this.skipProperties(p);
    if (this.restIsEmpty(i)) {
      const ls = this.contentLine(this.nextLine(i));
      if (ls >= this.n || this.isDocMarker(ls)) return;
      const m = this.indentOf(ls);
      const at = ls + m;
      if (m > owner) return this.blockNode(at, m, node);
      if (m === owner && !inSeqItem && this.isSeqEntry(at)) return this.sequence(at, m, node);
      return; // null value
    }
    const c = this.text.charCodeAt(i);
    if (c === 42) throw new Unsupported('alias');
    if (c === 91 || c === 123) return void this.flow(i, node);
    if (c === 124 || c === 62 || c === 34 || c === 39) return; // scalars
    if (inSeqItem) {
      const col = i - (this.text.lastIndexOf('\n', i - 1) + 1);
      if (this.isSeqEntry(i)) return this.sequence(i, col, node);
      if (this.readKey(i)) return this.mapping(i, col, node);
    }
    // A plain scalar: nothing to descend into.
  }

  /** A block node whose first line's content starts at `at`, with indent `m`. */
  blockNode(at: number, m: number, node: Trie): void {
    if (this.isSeqEntry(at)) return this.sequence(at, m, node);
    const c = this.text.charCodeAt(at);
    if (c === 91 || c === 123) return void this.flow(at, node);
    if (c === 42) throw new Unsupported('alias');
    if (c === 38 || c === 33) return this.value(at, m - 1, node, false);
    if (this.readKey(at)) return this.mapping(at, m, node);
  }

  /** A block mapping whose first entry starts at `first` (not necessarily at a line start), entries at column `m`. */
  mapping(first: number, m: number, node: Trie): void {
    let remaining = node.children.size;
    let p = first;
    for (;;) {
      if (!this.isSeqEntry(p)) {
        const entry = this.readKey(p);
        if (!entry) throw new Unsupported('not a mapping entry');
        const child = node.children.get(entry.key);
        if (child) {
          child.offset = p;
          this.value(entry.after, m, child, false);
          if (--remaining === 0) return;
        }
      }
      // Next line with content at indent m (deeper lines belong to this entry's value).
      const next = this.nextAtIndent(p, m);
      if (next === undefined) return;
      p = next;
    }
  }

  /** The offset of the next content line at indent `m` after the line of `p` (deeper lines belong to the current entry); undefined when the block ends first. */
  nextAtIndent(p: number, m: number): number | undefined {
    const { indent, skip } = this.lines.indents();
    const count = indent.length;
    let l = this.lines.lineOf(p) + 1;
    while (l < count && indent[l] === BLANK) l++;
    while (l < count) {
      const ind = indent[l]!;
      if (ind < m) return undefined; // a shallower line, or a document marker
      if (ind === m) return this.lines.starts[l]! + m;
      l = skip[l]!;
    }
    return undefined;
  }

  /** A block sequence whose first `-` is at `first`, items at column `m`. */
  sequence(first: number, m: number, node: Trie): void {
    let remaining = node.children.size;
    let p = first;
    for (let index = 0; ; index++) {
      const child = node.children.get(String(index));
      if (child) {
        const afterDash = p + 1;
        const v = this.skipInlineSpace(afterDash);
        if (this.restIsEmpty(v)) {
          const ls = this.contentLine(this.nextLine(v));
          child.offset = ls < this.n ? ls + this.indentOf(ls) : v;
        } else child.offset = v;
        this.value(afterDash, m, child, true);
        if (--remaining === 0) return;
      }
      const next = this.nextAtIndent(p, m);
      if (next === undefined) return;
      p = next;
      if (!this.isSeqEntry(p)) return; // the mapping that owns a same-indent sequence continues
    }
  }

  /** Skips whitespace, newlines and comments inside a flow collection. */
  flowSpace(p: number): number {
    let i = p;
    while (i < this.n) {
      const c = this.text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else if (c === 35) i = this.lineEnd(i);
      else break;
    }
    return i;
  }

  /** End of a plain scalar in flow context. */
  flowPlainEnd(p: number, inMap: boolean): number {
    let i = p;
    while (i < this.n) {
      const c = this.text.charCodeAt(i);
      if (c === 44 || c === 93 || c === 125 || c === 10 || c === 13) break;
      if (c === 58 && inMap && /[ \t\r\n,\]}]/.test(this.text[i + 1] ?? ' ')) break;
      if (c === 35 && /[ \t]/.test(this.text[i - 1] ?? '')) break;
      i++;
    }
    return i;
  }

  /** A flow value at p; descends where wanted; returns the position after it. */
  flowValue(p: number, node: Trie | undefined, inMap: boolean): number {
    let i = this.flowSpace(p);
    while (this.text.charCodeAt(i) === 38 || this.text.charCodeAt(i) === 33) {
      while (i < this.n && !/[ \t\r\n,\]}]/.test(this.text[i]!)) i++;
      i = this.flowSpace(i);
    }
    const c = this.text.charCodeAt(i);
    if (c === 91 || c === 123) return this.flow(i, node);
    if (c === 34 || c === 39) return this.quotedEnd(i);
    if (c === 42 && node && node.children.size > 0) throw new Unsupported('alias');
    return this.flowPlainEnd(i, inMap);
  }

  flow(p: number, node: Trie | undefined): number {
    const open = this.text.charCodeAt(p);
    const close = open === 91 ? 93 : 125;
    let i = this.flowSpace(p + 1);
    for (let index = 0; ; index++) {
      if (this.text.charCodeAt(i) === close) return i + 1;
      if (i >= this.n) throw new Unsupported('unterminated flow collection');
      if (open === 123) {
        const keyStart = i;
        let k: string;
        const c = this.text.charCodeAt(i);
        if (c === 63) throw new Unsupported('complex key');
        if (c === 34 || c === 39) {
          i = this.quotedEnd(i);
          k = this.unquote(this.text.slice(keyStart, i));
        } else {
          i = this.flowPlainEnd(i, true);
          k = this.text.slice(keyStart, i).trim();
        }
        i = this.flowSpace(i);
        const child = node?.children.get(k);
        if (child) child.offset = keyStart;
        if (this.text.charCodeAt(i) === 58) i = this.flowValue(i + 1, child, true);
      } else {
        const child = node?.children.get(String(index));
        if (child) child.offset = this.flowSpace(i);
        i = this.flowValue(i, child, false);
      }
      i = this.flowSpace(i);
      const d = this.text.charCodeAt(i);
      if (d === 44) i = this.flowSpace(i + 1);
      else if (d !== close) throw new Unsupported('expected , or closing bracket');
    }
  }
}

/**
 * Offsets of the wanted paths in YAML text without building a document: a
 * reader that follows indentation to the wanted keys and items and skips
 * everything else line by line. Returns undefined (fall back to `yaml`) on
 * aliases or complex keys on a wanted path, directives, or anything unexpected.
 */
export function blockYamlOffsets(text: string, pointers: readonly string[]): Map<string, number> | undefined {
  const trie = buildTrie(pointers.map(safeSegments));
  return scanBlockYaml(text, trie, new LineTable(text)) ? trieOffsets(trie) : undefined;
}

/** `blockYamlOffsets`, noting the offsets on the trie; false where it gives up. */
function scanBlockYaml(text: string, trie: Trie, lines: LineTable): boolean {
  const scan = new BlockYamlScanner(text, lines);
  const { n } = scan;
  try {
    let ls = scan.contentLine(0);
    if (ls < n && text.charCodeAt(ls) === 37) throw new Unsupported('directive');
    if (ls < n && scan.isDocMarker(ls)) {
      if (!scan.restIsEmpty(ls + 3)) throw new Unsupported('content on the --- line');
      ls = scan.contentLine(scan.nextLine(ls));
    }
    if (ls >= n) return false;
    const m = scan.indentOf(ls);
    trie.offset = ls + m;
    scan.blockNode(ls + m, m, trie);
  } catch (err) {
    if (err instanceof Unsupported || err instanceof RangeError) return false;
    throw err;
  }
  return true;
}

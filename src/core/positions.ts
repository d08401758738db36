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
  const found = (format === 'json' ? jsonOffsets(text, pointers) : undefined) ?? blockYamlOffsets(text, pointers) ?? yamlOffsets(text, pointers);
  const toPos = lineIndex(text);
  const out = new Map<string, Position>();
  for (const p of pointers) {
    let segs = safeSegments(p);
    let offset = found.get(key(segs));
    while (offset === undefined && segs.length > 0) {
      segs = segs.slice(0, -1);
      offset = found.get(key(segs));
    }
    out.set(p, toPos(offset ?? 0));
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

function lineIndex(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  };
}

interface Trie {
  children: Map<string, Trie>;
}

function buildTrie(pointers: readonly string[]): Trie {
  const root: Trie = { children: new Map() };
  for (const p of pointers) {
    let node = root;
    for (const s of safeSegments(p)) {
      let next = node.children.get(s);
      if (!next) node.children.set(s, (next = { children: new Map() }));
      node = next;
    }
  }
  return root;
}

/**
 * Offsets (by joined segments) of every wanted path and its ancestors in JSON
 * text. Returns undefined when the text is not plain JSON (YAML-flavoured JSON
 * then goes through the YAML path).
 */
function jsonOffsets(text: string, pointers: readonly string[]): Map<string, number> | undefined {
  const found = new Map<string, number>();
  const trie = buildTrie(pointers);
  let i = 0;
  const n = text.length;
  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
  };
  const skipString = (): void => {
    // Jump from quote to quote (indexOf is native); a quote after an odd run of backslashes is escaped.
    const open = i;
    let from = i + 1;
    for (;;) {
      const q = text.indexOf('"', from);
      if (q === -1) throw new Error('unterminated string');
      let b = q - 1;
      while (b > open && text.charCodeAt(b) === 92) b--;
      if ((q - 1 - b) % 2 === 0) {
        i = q + 1;
        return;
      }
      from = q + 1;
    }
  };
  const readString = (): string => {
    const start = i;
    skipString();
    const raw = text.slice(start + 1, i - 1);
    return raw.includes('\\') ? (JSON.parse(text.slice(start, i)) as string) : raw;
  };
  const skipValue = (): void => {
    ws();
    const c = text.charCodeAt(i);
    if (c === 34) return skipString();
    if (c === 123 || c === 91) {
      let depth = 0;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 34) {
          skipString();
          continue;
        }
        if (d === 123 || d === 91) depth++;
        else if (d === 125 || d === 93) {
          depth--;
          if (depth === 0) {
            i++;
            return;
          }
        }
        i++;
      }
      throw new Error('unterminated container');
    }
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) return;
      i++;
    }
  };
  const scan = (node: Trie, path: string[]): void => {
    ws();
    const c = text.charCodeAt(i);
    if (node.children.size === 0) return skipValue();
    if (c === 123) {
      i++;
      ws();
      if (text.charCodeAt(i) === 125) {
        i++;
        return;
      }
      for (;;) {
        ws();
        const keyStart = i;
        const k = readString();
        ws();
        if (text.charCodeAt(i) !== 58) throw new Error('expected :');
        i++;
        const child = node.children.get(k);
        if (child) {
          path.push(k);
          found.set(key(path), keyStart);
          scan(child, path);
          path.pop();
        } else skipValue();
        ws();
        const d = text.charCodeAt(i);
        i++;
        if (d === 125) return;
        if (d !== 44) throw new Error('expected , or }');
      }
    }
    if (c === 91) {
      i++;
      ws();
      if (text.charCodeAt(i) === 93) {
        i++;
        return;
      }
      for (let index = 0; ; index++) {
        ws();
        const child = node.children.get(String(index));
        if (child) {
          path.push(String(index));
          found.set(key(path), i);
          scan(child, path);
          path.pop();
        } else skipValue();
        ws();
        const d = text.charCodeAt(i);
        i++;
        if (d === 93) return;
        if (d !== 44) throw new Error('expected , or ]');
      }
    }
    skipValue();
  };
  try {
    ws();
    found.set('', i);
    scan(trie, []);
  } catch {
    return undefined;
  }
  return found;
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

/**
 * Offsets of the wanted paths in YAML text without building a document: a
 * reader that follows indentation to the wanted keys and items and skips
 * everything else line by line. Returns undefined (fall back to `yaml`) on
 * aliases or complex keys on a wanted path, directives, or anything unexpected.
 */
export function blockYamlOffsets(text: string, pointers: readonly string[]): Map<string, number> | undefined {
  const found = new Map<string, number>();
  const trie = buildTrie(pointers);
  const n = text.length;

  const lineEnd = (p: number): number => {
    const e = text.indexOf('\n', p);
    return e === -1 ? n : e;
  };
  const indentOf = (lineStart: number): number => {
    let i = lineStart;
    while (i < n && text.charCodeAt(i) === 32) i++;
    return i - lineStart;
  };
  /** First line at or after `lineStart` with content (not blank, not only a comment). */
  const contentLine = (lineStart: number): number => {
    let ls = lineStart;
    while (ls < n) {
      let i = ls + indentOf(ls);
      while (i < n && text.charCodeAt(i) === 9) i++;
      const c = text.charCodeAt(i);
      if (i < n && c !== 10 && c !== 13 && c !== 35) return ls;
      ls = lineEnd(ls) + 1;
    }
    return n;
  };
  const nextLine = (p: number): number => Math.min(n, lineEnd(p) + 1);
  const isDocMarker = (ls: number): boolean => {
    const three = text.slice(ls, ls + 3);
    return (three === '---' || three === '...') && (ls + 3 >= n || /\s/.test(text[ls + 3]!));
  };
  /** At p (after `:` or `- `): nothing but spaces and maybe a comment up to the end of the line. */
  const restIsEmpty = (p: number): boolean => {
    let i = p;
    while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    const c = text.charCodeAt(i);
    return i >= n || c === 10 || c === 13 || (c === 35 && i > p);
  };
  const skipInlineSpace = (p: number): number => {
    let i = p;
    while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    return i;
  };
  const isSeqEntry = (p: number): boolean => text.charCodeAt(p) === 45 && (p + 1 >= n || /[ \t\r\n]/.test(text[p + 1]!));

  /** Reads a mapping key at p; returns the key and the position just after its `:`, or undefined when p does not start an entry. */
  const readKey = (p: number): { key: string; after: number } | undefined => {
    const c = text.charCodeAt(p);
    if (c === 63 && /[ \t\r\n]/.test(text[p + 1] ?? ' ')) throw new Unsupported('complex key');
    if (c === 38 || c === 33 || c === 42) throw new Unsupported('key properties or alias');
    if (c === 34 || c === 39) {
      const end = quotedEnd(p);
      let i = skipInlineSpace(end);
      if (text.charCodeAt(i) !== 58) return undefined;
      i++;
      return { key: unquote(text.slice(p, end)), after: i };
    }
    const e = lineEnd(p);
    for (let i = p; i < e; i++) {
      const d = text.charCodeAt(i);
      if (d === 58) {
        const next = text.charCodeAt(i + 1);
        if (i + 1 >= e || next === 32 || next === 9 || next === 13) return { key: text.slice(p, i).trimEnd(), after: i + 1 };
      } else if (d === 35 && i > p && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) return undefined;
    }
    return undefined;
  };
  const quotedEnd = (p: number): number => {
    const q = text.charCodeAt(p);
    let i = p + 1;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (q === 34 && c === 92) i += 2;
      else if (c === q) {
        if (q === 39 && text.charCodeAt(i + 1) === 39) i += 2;
        else return i + 1;
      } else i++;
    }
    throw new Unsupported('unterminated quote');
  };
  const unquote = (raw: string): string => {
    if (raw.startsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
    try {
      return JSON.parse(raw.replace(/\n\s*/g, ' ')) as string;
    } catch {
      throw new Unsupported('escape');
    }
  };
  /** Skips `&anchor` and `!tag` before a value; an alias on a wanted path is not followed. */
  const skipProperties = (p: number): number => {
    let i = skipInlineSpace(p);
    for (;;) {
      const c = text.charCodeAt(i);
      if (c !== 38 && c !== 33) return i;
      while (i < n && !/[ \t\r\n]/.test(text[i]!)) i++;
      i = skipInlineSpace(i);
    }
  };

  /**
   * The value that starts at `p` (just after `key:` or `- `), owned by a
   * collection at indent `owner`. `seqOwner`: the value is a mapping value and a
   * sequence at the same indent is allowed (`key:\n- a`).
   */
  const value = (p: number, owner: number, node: Trie, path: string[], inSeqItem: boolean): void => {
    if (node.children.size === 0) return;
    let i = skipProperties(p);
    if (restIsEmpty(i)) {
      const ls = contentLine(nextLine(i));
      if (ls >= n || isDocMarker(ls)) return;
      const m = indentOf(ls);
      const at = ls + m;
      if (m > owner) return blockNode(at, m, node, path);
      if (m === owner && !inSeqItem && isSeqEntry(at)) return sequence(at, m, node, path);
      return; // null value
    }
    const c = text.charCodeAt(i);
    if (c === 42) throw new Unsupported('alias');
    if (c === 91 || c === 123) return void flow(i, node, path);
    if (c === 124 || c === 62 || c === 34 || c === 39) return; // scalars
    if (inSeqItem) {
      const col = i - (text.lastIndexOf('\n', i - 1) + 1);
      if (isSeqEntry(i)) return sequence(i, col, node, path);
      if (readKey(i)) return mapping(i, col, node, path);
    }
    // A plain scalar: nothing to descend into.
  };

  /** A block node whose first line's content starts at `at`, with indent `m`. */
  const blockNode = (at: number, m: number, node: Trie, path: string[]): void => {
    if (isSeqEntry(at)) return sequence(at, m, node, path);
    const c = text.charCodeAt(at);
    if (c === 91 || c === 123) return void flow(at, node, path);
    if (c === 42) throw new Unsupported('alias');
    if (c === 38 || c === 33) return value(at, m - 1, node, path, false);
    if (readKey(at)) return mapping(at, m, node, path);
  };

  /** A block mapping whose first entry starts at `first` (not necessarily at a line start), entries at column `m`. */
  const mapping = (first: number, m: number, node: Trie, path: string[]): void => {
    let remaining = node.children.size;
    let p = first;
    for (;;) {
      if (!isSeqEntry(p)) {
        const entry = readKey(p);
        if (!entry) throw new Unsupported('not a mapping entry');
        const child = node.children.get(entry.key);
        if (child) {
          path.push(entry.key);
          found.set(key(path), p);
          value(entry.after, m, child, path, false);
          path.pop();
          if (--remaining === 0) return;
        }
      }
      // Next line with content at indent m (deeper lines belong to this entry's value).
      const next = nextAtIndent(p, m);
      if (next === undefined) return;
      p = next;
    }
  };

  /** The offset of the next content line at indent `m` after the line of `p` (deeper lines belong to the current entry); undefined when the block ends first. */
  const nextAtIndent = (p: number, m: number): number | undefined => {
    let ls = nextLine(p);
    for (;;) {
      ls = contentLine(ls);
      if (ls >= n || isDocMarker(ls)) return undefined;
      const ind = indentOf(ls);
      if (ind < m) return undefined;
      if (ind === m) return ls + m;
      ls = nextLine(ls);
    }
  };

  /** A block sequence whose first `-` is at `first`, items at column `m`. */
  const sequence = (first: number, m: number, node: Trie, path: string[]): void => {
    let remaining = node.children.size;
    let p = first;
    for (let index = 0; ; index++) {
      const child = node.children.get(String(index));
      if (child) {
        path.push(String(index));
        const afterDash = p + 1;
        const v = skipInlineSpace(afterDash);
        if (restIsEmpty(v)) {
          const ls = contentLine(nextLine(v));
          found.set(key(path), ls < n ? ls + indentOf(ls) : v);
        } else found.set(key(path), v);
        value(afterDash, m, child, path, true);
        path.pop();
        if (--remaining === 0) return;
      }
      const next = nextAtIndent(p, m);
      if (next === undefined) return;
      p = next;
      if (!isSeqEntry(p)) return; // the mapping that owns a same-indent sequence continues
    }
  };

  /** Skips whitespace, newlines and comments inside a flow collection. */
  const flowSpace = (p: number): number => {
    let i = p;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else if (c === 35) i = lineEnd(i);
      else break;
    }
    return i;
  };
  /** End of a plain scalar in flow context. */
  const flowPlainEnd = (p: number, inMap: boolean): number => {
    let i = p;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 44 || c === 93 || c === 125 || c === 10 || c === 13) break;
      if (c === 58 && inMap && /[ \t\r\n,\]}]/.test(text[i + 1] ?? ' ')) break;
      if (c === 35 && /[ \t]/.test(text[i - 1] ?? '')) break;
      i++;
    }
    return i;
  };
  /** A flow value at p; descends where wanted; returns the position after it. */
  const flowValue = (p: number, node: Trie | undefined, path: string[], inMap: boolean): number => {
    let i = flowSpace(p);
    while (text.charCodeAt(i) === 38 || text.charCodeAt(i) === 33) {
      while (i < n && !/[ \t\r\n,\]}]/.test(text[i]!)) i++;
      i = flowSpace(i);
    }
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) return flow(i, node, path);
    if (c === 34 || c === 39) return quotedEnd(i);
    if (c === 42 && node && node.children.size > 0) throw new Unsupported('alias');
    return flowPlainEnd(i, inMap);
  };
  const flow = (p: number, node: Trie | undefined, path: string[]): number => {
    const open = text.charCodeAt(p);
    const close = open === 91 ? 93 : 125;
    let i = flowSpace(p + 1);
    for (let index = 0; ; index++) {
      if (text.charCodeAt(i) === close) return i + 1;
      if (i >= n) throw new Unsupported('unterminated flow collection');
      if (open === 123) {
        const keyStart = i;
        let k: string;
        const c = text.charCodeAt(i);
        if (c === 63) throw new Unsupported('complex key');
        if (c === 34 || c === 39) {
          i = quotedEnd(i);
          k = unquote(text.slice(keyStart, i));
        } else {
          i = flowPlainEnd(i, true);
          k = text.slice(keyStart, i).trim();
        }
        i = flowSpace(i);
        const child = node?.children.get(k);
        if (child) {
          path.push(k);
          found.set(key(path), keyStart);
        }
        if (text.charCodeAt(i) === 58) i = flowValue(i + 1, child, path, true);
        if (child) path.pop();
      } else {
        const child = node?.children.get(String(index));
        if (child) {
          path.push(String(index));
          found.set(key(path), flowSpace(i));
        }
        i = flowValue(i, child, path, false);
        if (child) path.pop();
      }
      i = flowSpace(i);
      const d = text.charCodeAt(i);
      if (d === 44) i = flowSpace(i + 1);
      else if (d !== close) throw new Unsupported('expected , or closing bracket');
    }
  };

  try {
    let ls = contentLine(0);
    if (ls < n && text.charCodeAt(ls) === 37) throw new Unsupported('directive');
    if (ls < n && isDocMarker(ls)) {
      if (!restIsEmpty(ls + 3)) throw new Unsupported('content on the --- line');
      ls = contentLine(nextLine(ls));
    }
    if (ls >= n) return undefined;
    const m = indentOf(ls);
    found.set('', ls + m);
    blockNode(ls + m, m, trie, []);
  } catch (err) {
    if (err instanceof Unsupported || err instanceof RangeError) return undefined;
    throw err;
  }
  return found;
}

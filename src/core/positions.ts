import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { parsePointer } from './pointer.js';

/** 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/**
 * Line and column of many JSON pointers in one source text, computed only when
 * a file has problems to print. JSON is scanned once, descending only into the
 * wanted paths (fast even for 10 MB); YAML is parsed once with `yaml`'s CST,
 * which is the slow part and therefore never on the no-problem path.
 *
 * A pointer to an object member points at its key (where a reader looks for
 * `unknown property x`); an array item at its value. A pointer that does not
 * exist gets the position of its deepest existing ancestor.
 */
export function locatePointers(text: string, format: 'json' | 'yaml', pointers: readonly string[]): Map<string, Position> {
  const offsets = format === 'json' ? jsonOffsets(text, pointers) : undefined;
  const found = offsets ?? yamlOffsets(text, pointers);
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
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 92) i += 2;
      else if (c === 34) {
        i++;
        return;
      } else i++;
    }
    throw new Error('unterminated string');
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

function yamlOffsets(text: string, pointers: readonly string[]): Map<string, number> {
  const found = new Map<string, number>();
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

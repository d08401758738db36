/** RFC 6901 JSON pointers. Always build them with these helpers, never by concatenation. */

export function escapeSegment(segment: string | number): string {
  const s = typeof segment === 'string' ? segment : String(segment);
  // Most segments need no escaping: return them as they are, without two regex passes.
  if (s.indexOf('~') === -1 && s.indexOf('/') === -1) return s;
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeSegment(segment: string): string {
  if (segment.indexOf('~') === -1) return segment;
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function pointer(...segments: ReadonlyArray<string | number>): string {
  let out = '';
  for (const s of segments) out += '/' + escapeSegment(s);
  return out;
}

export function childPointer(base: string, ...segments: ReadonlyArray<string | number>): string {
  let out = base;
  for (const s of segments) out += '/' + escapeSegment(s);
  return out;
}

export function parsePointer(ptr: string): string[] {
  if (ptr === '' || ptr === '#') return [];
  const body = ptr.startsWith('#') ? ptr.slice(1) : ptr;
  if (!body.startsWith('/')) throw new Error(`Not a JSON pointer: ${ptr}`);
  const segs = body.slice(1).split('/');
  if (body.indexOf('~') === -1 && body.indexOf('%') === -1) return segs;
  return segs.map((s) => unescapeSegment(decodeURIComponentSafe(s)));
}

function decodeURIComponentSafe(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Resolve a pointer in a parsed document; `undefined` when a segment is missing. */
export function resolvePointer(doc: unknown, ptr: string): unknown {
  let node: unknown = doc;
  for (const seg of parsePointer(ptr)) {
    if (Array.isArray(node)) {
      const i = Number(seg);
      if (!Number.isInteger(i) || i < 0 || i >= node.length) return undefined;
      node = node[i];
    } else if (node !== null && typeof node === 'object') {
      if (!Object.prototype.hasOwnProperty.call(node, seg)) return undefined;
      node = (node as Record<string, unknown>)[seg];
    } else {
      return undefined;
    }
  }
  return node;
}

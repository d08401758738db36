/**
 * Whether valid JSON text nests arrays and objects deeper than `maxDepth` (the
 * outermost container is depth 1), read from the text: a native regex scan from
 * bracket to bracket, stepping over strings whole. For JSON this is all
 * `parseText`'s limits need to know: JSON has no aliases, so a value cannot be
 * shared or cyclic, and it has no more values than characters. (A walk over the
 * parsed value took ~36 ms on OpenAI's 3.4 MB document, a loop over its
 * characters ~27 ms, this scan a few.)
 */
export function jsonDeeperThan(text: string, maxDepth: number): boolean {
  const tokens = /["[\]{}]/g;
  const stringEnd = /[^"\\]*(?:\\[\s\S][^"\\]*)*"/y;
  let depth = 0;
  for (let m = tokens.exec(text); m !== null; m = tokens.exec(text)) {
    const c = text.charCodeAt(m.index);
    if (c === 0x22) {
      stringEnd.lastIndex = m.index + 1;
      if (!stringEnd.test(text)) return false;
      tokens.lastIndex = stringEnd.lastIndex;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return true;
    } else depth--;
  }
  return false;
}

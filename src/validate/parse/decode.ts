/** From bytes on disk to text: size limit, byte order mark, UTF-8. */
import { isUtf8 } from 'node:buffer';

/** The default size limit of one file (50 MB); `api-hub validate --max-file-size` changes it. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export type DecodeResult =
  | { ok: true; text: string }
  | { ok: false; ruleId: 'file-too-large' | 'bom' | 'invalid-utf8'; message: string; line: number; column: number };

export function decodeBytes(bytes: Uint8Array, maxBytes = MAX_FILE_BYTES): DecodeResult {
  if (bytes.length > maxBytes) return tooLarge(bytes.length, maxBytes);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bom();
  // isUtf8 is a native check (simdutf): much faster than a fatal TextDecoder on megabytes.
  if (isUtf8(bytes)) return { ok: true, text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') };
  const at = firstInvalidUtf8(bytes);
  const { line, column } = lineColumnOfByte(bytes, at);
  const hex = Array.from(bytes.subarray(at, at + 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return {
    ok: false,
    ruleId: 'invalid-utf8',
    message: `the file is not valid UTF-8: invalid byte sequence (${hex}) at byte ${at}; save it as UTF-8`,
    line,
    column,
  };
}

/** The same checks for text that is already decoded (in-memory readers). */
export function checkText(text: string, maxBytes = MAX_FILE_BYTES): DecodeResult {
  if (text.length > maxBytes) return tooLarge(Buffer.byteLength(text), maxBytes);
  if (text.charCodeAt(0) === 0xfeff) return bom();
  return { ok: true, text };
}

/** The problem of a file of `size` bytes, if over the limit (checked before reading when the size is known). */
export function sizeProblem(size: number, max = MAX_FILE_BYTES): DecodeResult | undefined {
  return size > max ? tooLarge(size, max) : undefined;
}

function tooLarge(size: number, max: number): DecodeResult {
  const mb = (n: number): string => (n / 1048576).toFixed(1).replace(/\.0$/, '');
  return {
    ok: false,
    ruleId: 'file-too-large',
    message: `the file is too large to validate (${mb(size)} MB; the limit is ${mb(max)} MB, see --max-file-size)`,
    line: 1,
    column: 1,
  };
}

function bom(): DecodeResult {
  return {
    ok: false,
    ruleId: 'bom',
    message: 'the file starts with a byte order mark (U+FEFF): JSON forbids it and many OpenAPI tools reject it; save the file as UTF-8 without a BOM',
    line: 1,
    column: 1,
  };
}

/** Byte offset of the first malformed UTF-8 sequence (RFC 3629: no overlongs, surrogates or code points above U+10FFFF). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return n;
}

/** 1-based line and column (in characters of the valid prefix) of a byte offset. */
function lineColumnOfByte(b: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (b[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const prefix = new TextDecoder('utf-8').decode(b.subarray(lineStart, offset));
  return { line, column: [...prefix].length + 1 };
}

import { resolvePointer } from '../../core/pointer.js';
import type { DocumentSet, SourceFile } from '../types.js';
import type { RefTarget } from './ref-target.js';

export type Resolution =
  | { ok: true; file: SourceFile; pointer: string; value: unknown }
  | { ok: false; reason: string };

/** Resolve a local ref target against the loaded files (no I/O). */
export function resolveTarget(set: DocumentSet, target: Extract<RefTarget, { kind: 'local' }>): Resolution {
  const file = set.files.get(target.path);
  if (!file) {
    const why = set.missing.get(target.path);
    return { ok: false, reason: why ?? 'file was not loaded' };
  }
  if (target.pointer === undefined) {
    return { ok: false, reason: `\`#${target.fragment}\` is not a JSON pointer (plain-name fragments / $anchor are not supported)` };
  }
  let value: unknown;
  try {
    value = resolvePointer(file.data, target.pointer);
  } catch {
    return { ok: false, reason: `\`#${target.fragment}\` is not a valid JSON pointer` };
  }
  if (value === undefined) return { ok: false, reason: `\`${target.pointer}\` does not exist in ${file.display}` };
  return { ok: true, file, pointer: target.pointer, value };
}

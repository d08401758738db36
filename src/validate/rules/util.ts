import { isObject as isRecord } from '../../core/json.js';
import { childPointer, pointer } from '../../core/pointer.js';
import { HTTP_METHODS } from '../oas-types.js';
import type { SourceFile } from '../types.js';
import type { WalkContext } from '../walk.js';

/** core/json's `isObject`, under the name the rules use. */
export { isRecord };

/** Pointer of the node being visited, or of one of its descendants (`at(ctx, '$ref')`). */
export function at(ctx: WalkContext, ...more: Array<string | number>): string {
  return pointer(...ctx.segments, ...more);
}

/** The operations of a Path Item: `[key path segments, operation]` (3.2 `additionalOperations` included). */
export function operationsOf(pathItem: Record<string, unknown>): Array<[Array<string>, Record<string, unknown>]> {
  const out: Array<[string[], Record<string, unknown>]> = [];
  for (const m of HTTP_METHODS) {
    const op = pathItem[m];
    if (isRecord(op)) out.push([[m], op]);
  }
  const extra = pathItem.additionalOperations;
  if (isRecord(extra)) for (const [m, op] of Object.entries(extra)) if (isRecord(op)) out.push([['additionalOperations', m], op]);
  return out;
}

/** JSON Schema type name of a value (`integer` for whole numbers). */
export function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

export function matchesType(v: unknown, type: string, nullable = false): boolean {
  if (v === null && nullable) return true;
  const t = jsonType(v);
  return t === type || (type === 'number' && t === 'integer');
}

/** The path templates of a path (`/a/{id}/{x}` -> id, x). */
export function templateParams(path: string): string[] {
  if (!path.includes('{')) return [];
  return Array.from(path.matchAll(/\{([^}/]+)\}/g), (m) => m[1]!);
}

/** A value computed on first use (pointers are only needed when something is reported). */
export function lazy<T>(make: () => T): () => T {
  let done = false;
  let v: T;
  return () => {
    if (!done) {
      v = make();
      done = true;
    }
    return v;
  };
}

/**
 * The operations of a path item, each resolved (an operation may itself be a `$ref`,
 * as in DigitalOcean's split spec), with the file it is in and a lazy pointer to its
 * `parameters`.
 */
export function resolvedOperations(
  item: Record<string, unknown>,
  ctx: WalkContext,
): Array<{ value: Record<string, unknown>; file: SourceFile; parameters: () => string }> {
  const out: Array<{ value: Record<string, unknown>; file: SourceFile; parameters: () => string }> = [];
  for (const [key, raw] of operationsOf(item)) {
    const op = ctx.resolve(raw, '', ctx.file);
    if (!op || !isRecord(op.value)) continue;
    const opPointer = op.value === raw ? lazy(() => at(ctx, ...key)) : () => op.pointer;
    out.push({ value: op.value, file: op.file, parameters: () => childPointer(opPointer(), 'parameters') });
  }
  return out;
}

/** One parameter of a list, its `$ref` resolved. */
export interface ResolvedParam {
  name: unknown;
  in: unknown;
  /** 2.0's parameter `type` (`file`, …). */
  type: unknown;
  /** Written in the list itself, not behind a `$ref`: the official schema sees it. */
  inline: boolean;
  file: SourceFile;
  pointer: () => string;
}

/** The parameters of a list (at the lazy pointer `base` in `file`), `$ref`s resolved; unresolvable ones are no-unresolved-refs' business. */
export function resolvedParams(list: unknown, file: SourceFile, base: () => string, ctx: WalkContext): ResolvedParam[] {
  if (!Array.isArray(list)) return [];
  const out: ResolvedParam[] = [];
  list.forEach((entry, i) => {
    const r = ctx.resolve(entry, '', file);
    if (!r || !isRecord(r.value)) return;
    out.push({ name: r.value.name, in: r.value.in, type: r.value.type, inline: r.value === entry, file, pointer: () => childPointer(base(), i) });
  });
  return out;
}

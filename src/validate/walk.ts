import { pointer } from '../core/pointer.js';
import type { SourceFile } from './types.js';

export type Segment = string | number;

export interface WalkContext {
  file: SourceFile;
  /** Path from the file's root to the current node. */
  segments: readonly Segment[];
}

/**
 * What a rule looks at. Rules are small factories returning visitors; the walker
 * calls every rule's visitors in one pass over each file.
 */
export interface Visitor {
  /** An object with a string `$ref` (a Reference Object, or a JSON Schema `$ref`). */
  Ref?(ref: string, node: Record<string, unknown>, ctx: WalkContext): void;
}

/** Keys whose values are literal data (never OpenAPI structure), unless they name a property. */
const LITERAL_KEYS = new Set(['example', 'default', 'enum', 'const']);
/** Keys whose children are names chosen by the author (a property may be called `example`). */
const NAME_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

/**
 * Whether the walk skips `obj[key]`: literal data (`example`, `default`, `enum`,
 * `const`, JSON Schema `examples` arrays, an Example Object's `value`), unless the
 * object is a map of names (a schema property may be called `example`).
 */
export function skipsChild(parentKey: Segment | undefined, key: string, value: unknown, inExamples: boolean): boolean {
  const namesHere = typeof parentKey === 'string' && NAME_MAPS.has(parentKey);
  if (namesHere) return false;
  if (LITERAL_KEYS.has(key)) return true;
  if (inExamples && key === 'value') return true;
  return key === 'examples' && Array.isArray(value);
}

export function contextPointer(ctx: WalkContext): string {
  return pointer(...ctx.segments);
}

/** One depth-first pass over a file's data, calling every visitor. */
export function walk(file: SourceFile, visitors: readonly Visitor[]): void {
  const refVisitors = visitors.filter((v) => v.Ref);
  const segments: Segment[] = [];
  const ctx: WalkContext = { file, segments };

  const visit = (node: unknown, parentKey: Segment | undefined, inExamples: boolean): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        segments.push(i);
        visit(node[i], i, false);
        segments.pop();
      }
      return;
    }
    const obj = node as Record<string, unknown>;
    const ref = obj.$ref;
    if (typeof ref === 'string') for (const v of refVisitors) v.Ref?.(ref, obj, ctx);
    const namesHere = typeof parentKey === 'string' && NAME_MAPS.has(parentKey);
    for (const key of Object.keys(obj)) {
      const value = obj[key];
      if (value === null || typeof value !== 'object') continue;
      if (skipsChild(parentKey, key, value, inExamples)) continue;
      segments.push(key);
      if (!namesHere && key === 'examples') visitExamples(value as Record<string, unknown>);
      else visit(value, key, false);
      segments.pop();
    }
  };

  // `examples` maps of Example Objects (3.x) or of raw values by media type (2.0).
  const visitExamples = (map: Record<string, unknown>): void => {
    for (const key of Object.keys(map)) {
      segments.push(key);
      visit(map[key], key, true);
      segments.pop();
    }
  };

  visit(file.data, undefined, false);
}

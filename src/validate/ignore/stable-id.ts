import { parsePointer } from '../../core/pointer.js';
import { HTTP_METHOD_SET } from '../oas-types.js';
import type { OasVersion } from '../types.js';

const V2_COMPONENTS = new Set(['definitions', 'parameters', 'responses', 'securityDefinitions']);

/**
 * A name for where a problem is that survives edits elsewhere in the file:
 * - `operation <operationId>` (or `operation GET /pets` without one) for anything inside an operation;
 * - `path /pets` for a Path Item's own fields, `webhook <name>` likewise;
 * - `components/schemas/Pet` (`definitions/Pet` in 2.0) for anything inside a component;
 * - otherwise the JSON pointer (top-level fields such as `/info`, `/servers/0`, which rarely move).
 * In files other than the root document, components-like and pointer forms apply.
 */
export function stableId(data: unknown, ptr: string, version: OasVersion, isRoot: boolean): string {
  let segs: string[];
  try {
    segs = parsePointer(ptr);
  } catch {
    return ptr;
  }
  const [top, a, b] = segs;
  if (isRoot && (top === 'paths' || top === 'webhooks') && a !== undefined) {
    if (b !== undefined && HTTP_METHOD_SET.has(b)) {
      const op = get(data, [top, a, b]);
      const id = op !== null && typeof op === 'object' ? (op as Record<string, unknown>).operationId : undefined;
      if (typeof id === 'string' && id !== '') return `operation ${id}`;
      return `operation ${b.toUpperCase()} ${top === 'webhooks' ? `webhook:${a}` : a}`;
    }
    return top === 'paths' ? `path ${a}` : `webhook ${a}`;
  }
  if (top === 'components' && a !== undefined && b !== undefined) return `components/${a}/${b}`;
  if (version === '2.0' && top !== undefined && V2_COMPONENTS.has(top) && a !== undefined) return `${top}/${a}`;
  return ptr === '' ? '/' : ptr;
}

function get(data: unknown, segs: readonly string[]): unknown {
  let n = data;
  for (const s of segs) {
    if (n === null || typeof n !== 'object') return undefined;
    n = (n as Record<string, unknown>)[s];
  }
  return n;
}

import { isObject } from '../core/json.js';
import { childPointer } from '../core/pointer.js';
import { childType } from './bundle/object-types.js';
import type { Obj } from './types.js';

/**
 * Visit every object of a document with its OpenAPI object type (see
 * bundle/object-types.ts): `PathItem`, `Operation`, `MediaType`, `Schema`, …
 * Literal data (examples, defaults) is not entered. Iterative; `$ref` objects
 * are visited as the type their position expects, not followed.
 */
export function walkTyped(root: Obj, rootType: string, visit: (node: Obj, type: string, ptr: string) => void): void {
  const stack: Array<[unknown, string, string]> = [[root, rootType, '']];
  while (stack.length > 0) {
    const [node, type, ptr] = stack.pop()!;
    if (type === 'Data') continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--)
        if (node[i] !== null && typeof node[i] === 'object') stack.push([node[i], childType(type, i), childPointer(ptr, i)]);
      continue;
    }
    if (!isObject(node)) continue;
    if (!type.endsWith('{}') && !type.endsWith('[]')) visit(node, type, ptr);
    const entries = Object.entries(node);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, v] = entries[i]!;
      if (v !== null && typeof v === 'object') stack.push([v, childType(type, k), childPointer(ptr, k)]);
    }
  }
}

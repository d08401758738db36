/** Nesting and YAML-alias limits, checked on parsed data without recursion. */

export const MAX_DEPTH = 1000;
/** A document whose aliases expand it beyond this many nodes... */
const MAX_EXPANDED_NODES = 2_000_000;
/** ...and to more than this many times its distinct nodes is an alias bomb. */
const MAX_EXPANSION = 10;

export type LimitProblem = { kind: 'too-deep'; path: Array<string | number> } | { kind: 'alias-bomb'; expanded: number; distinct: number };

/**
 * Whether a parsed tree nests deeper than `maxDepth`, and the path to the first
 * node past the limit. Recursion is bounded by the limit itself (so a
 * 10,000-deep document cannot overflow the stack here) and allocates nothing on
 * the way down: this runs on every document.
 */
export function checkDepth(root: unknown, maxDepth = MAX_DEPTH): LimitProblem | undefined {
  const path: Array<string | number> = [];
  const deeper = (node: unknown, depth: number): boolean => {
    if (node === null || typeof node !== 'object') return false;
    if (depth > maxDepth) return true;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const v: unknown = node[i];
        if (v !== null && typeof v === 'object' && deeper(v, depth + 1)) {
          path.push(i);
          return true;
        }
      }
      return false;
    }
    const obj = node as Record<string, unknown>;
    for (const k in obj) {
      const v = obj[k];
      if (v !== null && typeof v === 'object' && deeper(v, depth + 1)) {
        path.push(k);
        return true;
      }
    }
    return false;
  };
  return deeper(root, 0) ? { kind: 'too-deep', path: path.reverse() } : undefined;
}

/**
 * js-yaml shares the object of an anchor with every alias to it instead of
 * copying, so a "billion laughs" document is small in memory but explodes when
 * walked as a tree. Count the nodes the document expands to, memoized by object
 * identity (linear in the distinct nodes), and stop early past the limit.
 * Shared objects also bound the depth: the depth is checked here too.
 */
export function checkAliases(root: unknown, maxDepth = MAX_DEPTH): LimitProblem | undefined {
  if (root === null || typeof root !== 'object') return undefined;
  const size = new Map<object, number>();
  const depthOf = new Map<object, number>();
  // Post-order without recursion: [node, childrenPushed].
  const todo: Array<[object, boolean]> = [[root, false]];
  const onStack = new Set<object>();
  while (todo.length > 0) {
    const top = todo[todo.length - 1]!;
    const [node, expanded] = top;
    if (size.has(node)) {
      todo.pop();
      continue;
    }
    const children = childObjects(node);
    if (!expanded) {
      top[1] = true;
      onStack.add(node);
      for (const c of children) if (!size.has(c) && !onStack.has(c)) todo.push([c, false]);
      continue;
    }
    todo.pop();
    onStack.delete(node);
    let n = 1;
    let d = 0;
    for (const c of children) {
      n += size.get(c) ?? 1;
      d = Math.max(d, (depthOf.get(c) ?? 0) + 1);
    }
    size.set(node, n);
    depthOf.set(node, d);
    if (d > maxDepth) return { kind: 'too-deep', path: [] };
    if (n > MAX_EXPANDED_NODES && n > MAX_EXPANSION * size.size) return { kind: 'alias-bomb', expanded: n, distinct: size.size };
  }
  return undefined;
}

function childObjects(node: object): object[] {
  const out: object[] = [];
  const values: unknown[] = Array.isArray(node) ? node : Object.values(node);
  for (const v of values) if (v !== null && typeof v === 'object') out.push(v);
  return out;
}

import { isObject } from '../../core/json.js';
import { escapeSegment, parsePointer, resolvePointer } from '../../core/pointer.js';

export interface InlineOptions {
  /** How many levels of nested `$ref`s are replaced by their target (0: none). */
  maxDepth: number;
}

export interface InlineResult {
  /** The node with local refs inlined; refs past the depth (and recursive ones) point at `#/$defs/<name>`. */
  value: unknown;
  /** Targets that were not inlined, each with its own refs pointing into these same `$defs`. Empty when everything was inlined. */
  defs: Record<string, unknown>;
  /** Local refs whose target does not exist, kept as they were. */
  unresolved: string[];
}

/** Keys whose values are instance data, not schemas: a `$ref` inside them is data too. */
const DATA_KEYS = new Set(['example', 'default', 'const', 'enum']);

/**
 * Make a node of an OpenAPI document self-contained: every local `$ref`
 * (`#/components/...`) is replaced by its target up to `maxDepth` nested
 * levels; deeper and recursive refs become `#/$defs/<name>`, and those targets
 * are collected once in `defs` (flat: their own refs all point into `defs`).
 * Sibling keywords of a `$ref` (OAS 3.1 allows `description` and others) win
 * over the target's. Pure: the document is not modified.
 */
export function inlineRefs(doc: unknown, node: unknown, options: InlineOptions): InlineResult {
  const maxDepth = Math.max(0, Math.floor(options.maxDepth));
  const defs = new Map<string, unknown>();
  const names = new Map<string, string>();
  const taken = new Set<string>();
  const unresolved = new Set<string>();

  const defName = (ref: string): string => {
    const known = names.get(ref);
    if (known) return known;
    let segs: string[];
    try {
      segs = parsePointer(ref);
    } catch {
      segs = [];
    }
    const base = segs[segs.length - 1] ?? 'def';
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
    taken.add(name);
    names.set(ref, name);
    return name;
  };

  const defer = (ref: string, target: unknown): string => {
    const name = defName(ref);
    if (!defs.has(name)) {
      defs.set(name, null); // placeholder first: a recursive target finds itself here
      defs.set(name, visit(target, maxDepth, [ref]));
    }
    return `#/$defs/${escapeSegment(name)}`;
  };

  const visit = (value: unknown, depth: number, stack: readonly string[]): unknown => {
    if (Array.isArray(value)) return value.map((v) => visit(v, depth, stack));
    if (!isObject(value)) return value;
    const ref = value.$ref;
    if (typeof ref === 'string' && ref.startsWith('#/')) {
      const target = resolvePointer(doc, ref);
      const siblings: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) if (k !== '$ref') siblings[k] = visitMember(k, v, depth, stack);
      if (target === undefined) {
        unresolved.add(ref);
        return { $ref: ref, ...siblings };
      }
      if (depth >= maxDepth || stack.includes(ref) || !isObject(target)) {
        return { $ref: defer(ref, target), ...siblings };
      }
      const inlined = visit(target, depth + 1, [...stack, ref]);
      return isObject(inlined) ? { ...inlined, ...siblings } : inlined;
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = visitMember(k, v, depth, stack);
    return out;
  };

  const visitMember = (key: string, v: unknown, depth: number, stack: readonly string[]): unknown =>
    DATA_KEYS.has(key) || (key === 'examples' && Array.isArray(v)) ? v : visit(v, depth, stack);

  const value = visit(node, 0, []);
  const out: Record<string, unknown> = {};
  for (const name of [...defs.keys()].sort()) out[name] = defs.get(name);
  return { value, defs: out, unresolved: [...unresolved].sort() };
}

/** A schema with its `$defs` attached at the root, as JSON Schema 2020-12 expects for `#/$defs/...` refs. */
export function selfContainedSchema(result: InlineResult): unknown {
  if (Object.keys(result.defs).length === 0) return result.value;
  if (isObject(result.value)) return { ...result.value, $defs: { ...(isObject(result.value.$defs) ? result.value.$defs : {}), ...result.defs } };
  return { allOf: [result.value], $defs: result.defs };
}

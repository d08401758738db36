import { parsePointer } from '../core/pointer.js';

/** The component a local `$ref` points into, and the pointer inside it. */
export interface Target {
  readonly section: string;
  readonly name: string;
  /** What follows the name, as written (escapes kept): `/properties/b`, or ''. */
  readonly rest: string;
}

/**
 * The component a local ref points into: `#/components/<section>/<name>`, plus
 * what follows inside it (`/properties/b` of `#/components/schemas/A/properties/b`,
 * as written, escapes kept), or undefined.
 */
export function localTarget(ref: string): Target | undefined {
  if (!ref.startsWith('#/components/')) return undefined;
  // The same few refs are met thousands of times (every document's `#/components/schemas/Image`).
  let t = targets.get(ref);
  if (t === undefined) {
    t = parseTarget(ref);
    if (targets.size < 100_000) targets.set(ref, t);
  }
  return t ?? undefined;
}

const targets = new Map<string, Target | null>();

function parseTarget(ref: string): Target | null {
  const segs = parsePointer(ref.slice(1));
  if (segs.length < 3) return null;
  // The raw suffix from the fourth `/` on (the one after the name), if any.
  let at = 0;
  for (let i = 0; i < 4 && at !== -1; i++) at = ref.indexOf('/', at + 1);
  return { section: segs[1]!, name: segs[2]!, rest: at === -1 ? '' : ref.slice(at) };
}

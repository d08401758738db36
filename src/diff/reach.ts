import { cmp } from '../core/diagnostic.js';
import { isObject } from '../core/json.js';
import { localTarget } from '../normalize/component-ref.js';
import { forEachRef, HTTP_METHODS } from '../normalize/schema-walk.js';

type Obj = Record<string, unknown>;

/** `POST /fal-ai/flux/dev`: how a change names an operation. */
export const operationLabel = (method: string, path: string): string => `${method.toUpperCase()} ${path}`;

/**
 * Which operations reach each component of a document, through other
 * components too: built in one pass over the document (a reverse-reference
 * index), each component's answer computed once, on demand.
 */
export class Reach {
  /** `schemas/Image` -> operations and components that reference it. */
  private readonly referrers = new Map<string, Set<string>>();
  private readonly memo = new Map<string, string[]>();

  constructor(doc: Obj) {
    const add = (key: string, from: string) => {
      const set = this.referrers.get(key);
      if (set) set.add(from);
      else this.referrers.set(key, new Set([from]));
    };
    const refsOf = (node: unknown, from: string) =>
      forEachRef(node, (ref) => {
        const t = localTarget(ref);
        if (t) add(`${t.section}/${t.name}`, from);
      });
    const paths = isObject(doc.paths) ? doc.paths : {};
    for (const [path, item] of Object.entries(paths)) {
      if (!isObject(item)) continue;
      for (const m of HTTP_METHODS) {
        const op = item[m];
        if (!isObject(op)) continue;
        const label = ` ${operationLabel(m, path)}`; // a leading space: never a component key
        refsOf(op, label);
        refsOf(item.parameters, label);
      }
    }
    const comps = isObject(doc.components) ? doc.components : {};
    for (const [section, sec] of Object.entries(comps)) {
      if (!isObject(sec)) continue;
      for (const [name, value] of Object.entries(sec)) refsOf(value, `${section}/${name}`);
    }
  }

  /** Operations (`POST /a`) that reach `section/name`, sorted. */
  operations(key: string): string[] {
    const cached = this.memo.get(key);
    if (cached) return cached;
    const seen = new Set<string>([key]);
    const queue = [key];
    const ops: string[] = [];
    while (queue.length > 0) {
      for (const from of this.referrers.get(queue.pop()!) ?? []) {
        if (seen.has(from)) continue;
        seen.add(from);
        if (from.startsWith(' ')) ops.push(from.slice(1));
        else queue.push(from);
      }
    }
    ops.sort(cmp);
    this.memo.set(key, ops);
    return ops;
  }
}

/** A change as the diff finds it (a draft), and how drafts become the changes it reports. */
import { canonicalJson, isObject } from '../core/json.js';
import { childPointer, pointer } from '../core/pointer.js';
import { deref, media, type Obj } from './doc-read.js';
import { diffSchemas, type SchemaChange } from './schema-diff.js';
import type { Change, ChangeKind, Direction } from './types.js';

/** How many of the operations a shared change reaches its message names. */
export const REACH_SHOWN = 3;

/** `where property: what`, the text of a change. */
export const line = (where: string, property: string | undefined, what: string): string => `${where}${property ? ` ${property}` : ''}: ${what}`;

/** A change before it is given its place (an operation, or the operations a shared part reaches). */
export interface Draft {
  kind: ChangeKind;
  breaking: boolean;
  checkId?: string | undefined;
  direction?: Direction;
  where: string;
  property?: string;
  pointer: string;
  what: string;
}

/** A schema change as a draft, at `where` in the request or the response. */
export const schemaDraft = (c: SchemaChange, where: string, direction: Direction): Draft => ({
  kind: c.kind,
  breaking: c.breaking,
  checkId: c.checkId,
  direction,
  where,
  ...(c.property ? { property: c.property } : {}),
  pointer: c.pointer,
  what: c.what,
});

/**
 * One comparison of two documents: the changes found so far, and what is left
 * to report once: shared components met on the way (`pending`, `pendingParams`)
 * and changes of servers and security by message (`fanout`).
 */
/** `3 operations: GET /a, GET /b, GET /c` / `59 operations: GET /a, GET /b, GET /c, … (56 more)`. */
export function reachText(ops: readonly string[]): string {
  const shown = ops.slice(0, REACH_SHOWN).join(', ');
  return `${ops.length} operation${ops.length === 1 ? '' : 's'}${ops.length ? `: ${shown}` : ''}${ops.length > REACH_SHOWN ? `, … (${ops.length - REACH_SHOWN} more)` : ''}`;
}

/** A change of a part several operations reach, reported once with them. */
export function sharedChange(d: Draft, home: { provider?: string; group: string }, ops: string[]): Change {
  return {
    kind: d.kind,
    breaking: d.breaking,
    ...(d.checkId ? { checkId: d.checkId } : {}),
    ...(home.provider ? { provider: home.provider } : {}),
    group: home.group,
    ...(d.direction ? { direction: d.direction } : {}),
    where: d.where,
    ...(d.property ? { property: d.property } : {}),
    pointer: d.pointer,
    message: `${line(d.where, d.property, d.what)}; reaches ${reachText(ops)}`,
    operations: ops,
  };
}

/** A security scheme whose type, location, name or flows changed: every client using it must change. */
export function securitySchemeChanges(oldDoc: Obj, newDoc: Obj, add: (d: Draft, key: string) => void): void {
  const sa = isObject(oldDoc.components) && isObject(oldDoc.components.securitySchemes) ? oldDoc.components.securitySchemes : {};
  const sb = isObject(newDoc.components) && isObject(newDoc.components.securitySchemes) ? newDoc.components.securitySchemes : {};
  for (const [name, rawB] of Object.entries(sb)) {
    const a = deref(oldDoc, sa[name]);
    const b = deref(newDoc, rawB);
    if (!a || !b) continue;
    for (const k of ['type', 'in', 'name', 'scheme', 'bearerFormat', 'openIdConnectUrl', 'flows'] as const) {
      if (canonicalJson(a[k] ?? null) === canonicalJson(b[k] ?? null)) continue;
      const show = (v: unknown) => (typeof v === 'string' ? v : v === undefined ? 'none' : 'changed');
      add(
        {
          kind: 'security-scheme-changed',
          breaking: true,
          where: `security scheme ${name}`,
          property: k,
          pointer: pointer('components', 'securitySchemes', name, k),
          what: k === 'flows' ? 'changed' : `changed from ${show(a[k])} to ${show(b[k])}`,
        },
        `securitySchemes/${name}`,
      );
    }
  }
}

/** The media types of a request body or response: each one removed, added, or its schema compared. */
export function compareContent(
  oldDoc: Obj,
  newDoc: Obj,
  a: unknown,
  b: unknown,
  dir: Direction,
  where: string,
  ptr: string,
  emit: (d: Draft) => void,
  fromSchema: (where: string, dir: Direction) => (c: SchemaChange) => void,
  sharedRef: (ref: string, dir: Direction) => boolean,
): void {
  const ma = media(oldDoc, a);
  const mb = media(newDoc, b);
  const single = ma.size <= 1 && mb.size <= 1;
  for (const [mt, m] of ma) {
    const n = mb.get(mt);
    const mp = childPointer(ptr, mt);
    const w = single && mt.includes('json') ? where : `${where} (${mt})`;
    if (!n) {
      emit({
        kind: 'media-type-removed',
        breaking: true,
        checkId: dir === 'request' ? 'request-body-media-type-removed' : 'response-media-type-removed',
        direction: dir,
        where: `${where} (${mt})`,
        pointer: mp,
        what: 'media type removed',
      });
      continue;
    }
    for (const c of diffSchemas(oldDoc, newDoc, m.schema, n.schema, dir, childPointer(mp, 'schema'), { sharedRef, holder: 'body' })) fromSchema(w, dir)(c);
  }
  for (const mt of mb.keys())
    if (!ma.has(mt))
      emit({
        kind: 'media-type-added',
        breaking: false,
        checkId: dir === 'request' ? 'request-body-media-type-added' : 'response-media-type-added',
        direction: dir,
        where: `${where} (${mt})`,
        pointer: childPointer(ptr, mt),
        what: 'media type added',
      });
}

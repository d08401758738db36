import type { Obj, Pass } from '../types.js';
import { isObject } from '../../core/json.js';
import { HTTP_METHODS, operationsOf } from '../schema-walk.js';
import { pointer } from '../../core/pointer.js';

export interface PrefixPolicy {
  pathPrefix?: string;
  operationIdPrefix?: string;
  /** `conflicts` (default): only paths / operationIds another provider also has; `all`: every one. */
  prefixScope?: 'conflicts' | 'all';
}

/** Paths and operationIds defined by more than one provider document (before prefixing). */
export interface Conflicts {
  paths: ReadonlySet<string>;
  operationIds: ReadonlySet<string>;
}

/**
 * The prefix policy of a configured provider: paths get `pathPrefix`,
 * operationIds `operationIdPrefix` (and links that name an operationId
 * follow): only those another provider also defines (`prefixScope:
 * conflicts`, the default), or all of them (`all`). This is how two providers
 * with the same path or operationId are merged without a conflict; every
 * prefixed path is reported.
 *
 * One document cannot hold two operations at one path, so a prefixed path is
 * a name in the merged document, not the provider's URL: the original path is
 * kept in `x-hub-source.path`. With `all`, pair the prefix with `server:` when
 * the provider's base URL really ends with it.
 */
export function providerPrefix(provider: string, policy: PrefixPolicy, conflicts: Conflicts, sourceId?: string): Pass {
  return {
    name: 'provider-prefix',
    description: 'Prefix the paths and operationIds of configured providers that have a prefix policy.',
    providers: [provider],
    run(src, ctx) {
      if (sourceId !== undefined && src.sourceId !== sourceId) return;
      const { pathPrefix, operationIdPrefix } = policy;
      const all = policy.prefixScope === 'all';
      const renamed = new Map<string, string>();
      let paths = 0;
      if (isObject(src.doc.paths)) {
        const out: Obj = {};
        for (const [path, item] of Object.entries(src.doc.paths)) {
          const next = pathPrefix && (all || conflicts.paths.has(path)) ? pathPrefix + path : path;
          out[next] = item;
          if (next !== path) {
            paths++;
            if (!all)
              ctx.report({
                ruleId: 'provider-prefix',
                severity: 'warn',
                message: `path ${path} is also another provider's; prefixed as ${next} (the URL is still the server's ${path})`,
                pointer: pointer('paths', path),
              });
          }
          if (!isObject(item)) continue;
          for (const m of HTTP_METHODS) {
            const op = item[m];
            if (!isObject(op)) continue;
            if (next !== path && isObject(op['x-hub-source'])) op['x-hub-source'] = { ...op['x-hub-source'], path };
            if (operationIdPrefix && typeof op.operationId === 'string' && (all || conflicts.operationIds.has(op.operationId))) {
              renamed.set(op.operationId, operationIdPrefix + op.operationId);
              op.operationId = operationIdPrefix + op.operationId;
            }
          }
        }
        src.doc.paths = out;
      }
      const links = renameLinkOperationIds(src.doc, renamed);
      const parts = [
        pathPrefix && `${paths} path(s) prefixed with ${pathPrefix}`,
        operationIdPrefix && `${renamed.size} operationId(s) with ${operationIdPrefix}`,
        links && `${links} link(s) updated`,
      ].filter(Boolean);
      if (parts.length > 0) ctx.report({ ruleId: 'provider-prefix', severity: 'info', message: `prefix policy: ${parts.join(', ')}`, pointer: '/paths' });
    },
  };
}

/** Point links at renamed operationIds (`renamed`: old -> new). Returns how many links changed. */
export function renameLinkOperationIds(doc: Obj, renamed: ReadonlyMap<string, string>): number {
  let changed = 0;
  for (const link of linkObjects(doc)) {
    const to = typeof link.operationId === 'string' ? renamed.get(link.operationId) : undefined;
    if (to) {
      link.operationId = to;
      changed++;
    }
  }
  return changed;
}

/** Link objects of components and of every operation's responses. */
function linkObjects(doc: Obj): Obj[] {
  const out: Obj[] = [];
  const collect = (links: unknown) => {
    if (isObject(links)) for (const l of Object.values(links)) if (isObject(l)) out.push(l);
  };
  const responses = (rs: unknown) => {
    if (isObject(rs)) for (const r of Object.values(rs)) if (isObject(r)) collect(r.links);
  };
  if (isObject(doc.components)) {
    collect(doc.components.links);
    responses(doc.components.responses);
  }
  for (const op of operationsOf(doc.paths)) responses(op.responses);
  return out;
}

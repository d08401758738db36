import type { Pass, Obj } from '../types.js';
import { isObject } from '../../core/json.js';
import { childPointer } from '../../core/pointer.js';
import { HTTP_METHODS } from '../schema-walk.js';
import { falOperationId, folderSegment, camelFromId, type FalRole } from '../../core/naming.js';

export const FAL_SERVER = 'https://queue.fal.run';
export const FAL_SECURITY_SCHEME = 'falKey';

const ROLE_TEXT: Record<FalRole, string> = {
  submit: 'submit a request to the queue',
  status: 'get the status of a request',
  result: 'get the result of a request',
  cancel: 'cancel a queued request',
};

/** Which queue operation a path + method is (provider-apis.md §1.4). */
export function falRole(endpointId: string, path: string, method: string): FalRole | undefined {
  const base = `/${endpointId}`;
  if (method === 'post' && path === base) return 'submit';
  if (method === 'get' && path === `${base}/requests/{request_id}/status`) return 'status';
  if (method === 'put' && path === `${base}/requests/{request_id}/cancel`) return 'cancel';
  if (method === 'get' && path === `${base}/requests/{request_id}`) return 'result';
  return undefined;
}

export interface FalNaming {
  /** endpoint id -> unique operationId base (see naming.ts). */
  bases: ReadonlyMap<string, string>;
  /** endpoint id -> model folder/label, unique among FAL models. */
  labels: ReadonlyMap<string, string>;
}

/**
 * FAL documents have no operationId, summary or tags (§1.4). Synthesize them,
 * plus `x-apidog-folder` (FAL/category/model), `x-hub-source` provenance, the
 * per-path queue server and the provider's security scheme.
 */
export function falOperations(naming: FalNaming): Pass {
  return {
    name: 'fal-operations',
    description: 'Synthesize operationId, summary, tags, x-apidog-folder, x-hub-source, servers and security for FAL operations.',
    providers: ['fal'],
    run(src, ctx) {
      const doc = src.doc;
      const id = src.sourceId;
      const base = naming.bases.get(id) ?? camelFromId(id);
      const label = naming.labels.get(id) ?? id;
      const category = folderSegment(src.meta?.category ?? 'uncategorized');
      // The same for every operation of the document.
      const tag = `fal/${category}`;
      const folder = `FAL/${category}/${folderSegment(label)}`;
      const description = src.meta?.description;
      const paths = isObject(doc.paths) ? doc.paths : {};
      const roles: string[] = [];
      for (const [path, item] of Object.entries(paths)) {
        if (!isObject(item)) continue;
        item.servers = [{ url: FAL_SERVER, description: 'FAL queue' }];
        for (const method of HTTP_METHODS) {
          const op = item[method];
          if (!isObject(op)) continue;
          const role = falRole(id, path, method);
          const ptr = childPointer('', 'paths', path, method);
          if (!role) {
            ctx.report({
              ruleId: 'fal-unknown-operation',
              severity: 'warn',
              message: `${method.toUpperCase()} ${path} is not one of the four queue operations; named from its path`,
              pointer: ptr,
            });
          }
          const opId = role
            ? falOperationId(base, role)
            : `${base}${method.charAt(0).toUpperCase()}${method.slice(1)}${camelFromId(path.slice(id.length + 1)).replace(/^./, (c) => c.toUpperCase())}`;
          if (typeof op.operationId === 'string' && op.operationId !== opId) {
            ctx.report({
              ruleId: 'fal-operation-id',
              severity: 'info',
              message: `operationId ${op.operationId} replaced by ${opId}`,
              pointer: childPointer(ptr, 'operationId'),
            });
          }
          const ordered: Obj = { operationId: opId, summary: `${label}: ${role ? ROLE_TEXT[role] : `${method.toUpperCase()} ${path}`}` };
          if (role === 'submit' && description) ordered.description = description;
          ordered.tags = [tag];
          for (const k in op) if (!(k in ordered) && k !== 'security') ordered[k] = op[k];
          ordered.security = [{ [FAL_SECURITY_SCHEME]: [] }];
          ordered['x-apidog-folder'] = folder;
          const source: Obj = { provider: 'fal', endpointId: id };
          if (role) source.role = role;
          source.file = src.file;
          source.sha256 = src.sha256;
          ordered['x-hub-source'] = source;
          item[method] = ordered;
          roles.push(role ?? method.toUpperCase());
        }
      }
      if (roles.length > 0) {
        ctx.report({
          ruleId: 'synthesized-names',
          severity: 'info',
          message: `synthesized operationId, summary, tags, x-apidog-folder, servers and security of ${roles.length} operation(s): ${roles.join(', ')}`,
          pointer: '/paths',
        });
      }
      delete doc.servers;
      delete doc.security;
      if (isObject(doc.components)) delete doc.components.securitySchemes;
    },
  };
}

/** Unique, readable model labels: the display name, or name + id where names repeat. */
export function falLabels(models: ReadonlyArray<{ id: string; displayName?: string }>): Map<string, string> {
  const count = new Map<string, number>();
  for (const m of models) if (m.displayName) count.set(m.displayName, (count.get(m.displayName) ?? 0) + 1);
  const labels = new Map<string, string>();
  for (const m of models) {
    const name = m.displayName?.trim();
    labels.set(m.id, !name ? m.id : count.get(m.displayName!) === 1 ? name : `${name} (${m.id.split('/').join(':')})`);
  }
  return labels;
}

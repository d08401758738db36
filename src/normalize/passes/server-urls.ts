import type { Obj, Pass } from '../types.js';
import { isObject } from '../../core/json.js';
import { childPointer } from '../../core/pointer.js';
import { HTTP_METHODS } from '../schema-walk.js';

/** Every Server object of a document (root, path items, operations) with its pointer. */
function serverLists(doc: Obj): Array<[unknown[], string]> {
  const out: Array<[unknown[], string]> = [];
  if (Array.isArray(doc.servers)) out.push([doc.servers, '/servers']);
  if (!isObject(doc.paths)) return out;
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!isObject(item)) continue;
    if (Array.isArray(item.servers)) out.push([item.servers, childPointer('', 'paths', path, 'servers')]);
    for (const m of HTTP_METHODS) {
      const op = item[m];
      if (isObject(op) && Array.isArray(op.servers)) out.push([op.servers, childPointer('', 'paths', path, m, 'servers')]);
    }
  }
  return out;
}

/**
 * Server URLs, made acceptable to every mainstream tool without changing
 * where requests go:
 * - a trailing `/` is dropped where a host or path remains (`https://api.x.com/`);
 *   paths start with `/`, so the URL is the same (Redocly: no-server-trailing-slash);
 * - a Server Variable's `description` is folded into the server's description
 *   and kept as `x-description`: swagger-parser 12 rejects it (its OAS 3.1
 *   schema, openapi-schemas 2.1.0, misspells the field `descriptions`).
 */
export const serverUrls: Pass = {
  name: 'server-urls',
  description: 'Drop trailing slashes of server URLs; keep server-variable descriptions where swagger-parser accepts them.',
  run(src, ctx) {
    for (const [list, ptr] of serverLists(src.doc)) {
      list.forEach((server, i) => {
        if (!isObject(server)) return;
        const at = childPointer(ptr, i);
        if (typeof server.url === 'string' && /[^/]\/+$/.test(server.url) && !/^[a-z]+:\/\/$/i.test(server.url)) {
          const url = server.url.replace(/\/+$/, '');
          if (url.replace(/^[a-z]+:\/\//i, '') !== '') {
            ctx.report({
              ruleId: 'server-urls',
              severity: 'info',
              message: `server URL ${server.url} ends with /; written as ${url}`,
              pointer: childPointer(at, 'url'),
            });
            server.url = url;
          }
        }
        if (!isObject(server.variables)) return;
        for (const [name, v] of Object.entries(server.variables)) {
          if (!isObject(v) || typeof v.description !== 'string') continue;
          const note = `\`{${name}}\`: ${v.description.trim()}`;
          server.description = typeof server.description === 'string' && server.description !== '' ? `${server.description.trimEnd()}\n\n${note}` : note;
          v['x-description'] = v.description;
          delete v.description;
          ctx.report({
            ruleId: 'server-urls',
            severity: 'info',
            message: `description of server variable ${name} moved to the server's description and x-description (swagger-parser rejects it)`,
            pointer: childPointer(at, 'variables', name, 'description'),
          });
        }
      });
    }
  },
};

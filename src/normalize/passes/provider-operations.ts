import type { Pass, Obj } from '../types.js';
import { isObject } from '../../core/json.js';
import { childPointer } from '../../core/pointer.js';
import { HTTP_METHODS } from '../schema-walk.js';
import { camelFromId, folderSegment } from '../../core/naming.js';

/**
 * For a provider described by one curated or upstream document (Comet, or any
 * configured provider): move the document's servers and security onto every
 * operation, fill in what is missing (operationId, summary, tags,
 * x-apidog-folder) and stamp `x-hub-source` provenance. Existing values are kept.
 */
export function providerOperations(provider: string, label: string): Pass {
  return {
    name: 'provider-operations',
    description: 'Per-path servers, per-operation security, synthesized names and x-hub-source provenance.',
    run(src, ctx) {
      if (src.provider !== provider) return;
      const doc = src.doc;
      const servers = Array.isArray(doc.servers) && doc.servers.length > 0 ? doc.servers : undefined;
      const security = Array.isArray(doc.security) ? doc.security : undefined;
      const paths = isObject(doc.paths) ? doc.paths : {};
      const absolute = servers?.some((s) => isObject(s) && typeof s.url === 'string' && /^https?:\/\//.test(s.url));
      if (!absolute && Object.keys(paths).length > 0) {
        ctx.report({
          ruleId: 'provider-no-server',
          severity: 'warn',
          message: `the document declares no absolute server URL; its operations inherit the unified document's servers. Set \`server:\` for ${provider} in api-hub.config.yaml`,
          pointer: '/servers',
        });
      }
      for (const [path, item] of Object.entries(paths)) {
        if (!isObject(item)) continue;
        if (!item.servers && servers) item.servers = servers;
        for (const method of HTTP_METHODS) {
          const op = item[method];
          if (!isObject(op)) continue;
          const ptr = childPointer('', 'paths', path, method);
          const filled: string[] = [];
          if (typeof op.operationId !== 'string' || op.operationId === '') {
            op.operationId = camelFromId(`${provider} ${method} ${path.replace(/[{}]/g, '')}`);
            filled.push('operationId');
          }
          if (typeof op.summary !== 'string' || op.summary === '') {
            op.summary = `${method.toUpperCase()} ${path}`;
            filled.push('summary');
          }
          if (!Array.isArray(op.tags) || op.tags.length === 0) {
            op.tags = [provider];
            filled.push('tags');
          }
          if (typeof op['x-apidog-folder'] !== 'string') {
            op['x-apidog-folder'] = `${label}/${folderSegment(String((op.tags as unknown[])[0]))}`;
            filled.push('x-apidog-folder');
          }
          if (op.security === undefined && security) op.security = security;
          (op as Obj)['x-hub-source'] = { provider, file: src.file, sha256: src.sha256 };
          if (filled.length > 0) ctx.report({ ruleId: 'synthesized-names', severity: 'info', message: `synthesized ${filled.join(', ')}`, pointer: ptr });
        }
      }
      delete doc.servers;
      delete doc.security;
    },
  };
}

import type { Obj, Pass } from '../types.js';
import { isObject } from '../../core/json.js';
import { childPointer } from '../../core/pointer.js';
import { walkTyped } from '../typed-walk.js';

/** OAS 3.2 fields with no 3.1 equivalent, by object type: kept as `x-` extensions. */
const FIELDS_32: Record<string, readonly string[]> = {
  Root3: ['$self'],
  PathItem: ['query', 'additionalOperations'],
  Components: ['mediaTypes'],
  MediaType: ['itemSchema', 'itemEncoding', 'prefixEncoding'],
  Encoding: ['itemEncoding', 'prefixEncoding'],
  Example: ['dataValue', 'serializedValue'],
  Response: ['summary'],
  SecurityScheme: ['deprecated', 'oauth2MetadataUrl'],
  Server: ['name'],
  Tag: ['summary', 'parent', 'kind'],
};

/**
 * The unified document is OAS 3.1, so a provider's 3.2 document is read as
 * 3.1: fields 3.1 does not have become `x-` extensions (a QUERY operation is
 * kept as `x-query`, which tools do not call), `in: querystring` parameters
 * move to the operation's `x-querystring`. Every change is reported.
 */
export const from32: Pass = {
  name: 'from-3.2',
  description: 'Read OpenAPI 3.2 documents as 3.1: 3.2-only fields become x- extensions.',
  run(src, ctx) {
    const version = typeof src.doc.openapi === 'string' ? src.doc.openapi : '';
    if (!version.startsWith('3.2')) return;
    walkTyped(src.doc, 'Root3', (node, type, ptr) => {
      for (const field of FIELDS_32[type] ?? []) {
        if (!(field in node)) continue;
        node[`x-${field.replace(/^\$/, '')}`] = node[field];
        delete node[field];
        const lost = field === 'query' || field === 'additionalOperations';
        ctx.report({
          ruleId: 'from-3.2',
          severity: lost ? 'warn' : 'info',
          message: `OAS 3.2 field \`${field}\` has no 3.1 equivalent; kept as \`x-${field.replace(/^\$/, '')}\`${lost ? ' (these operations are not part of the unified API)' : ''}`,
          pointer: childPointer(ptr, field),
        });
      }
      if ((type === 'Operation' || type === 'PathItem') && Array.isArray(node.parameters)) {
        const qs = node.parameters.filter((p): p is Obj => isObject(p) && p.in === 'querystring');
        if (qs.length > 0) {
          node.parameters = node.parameters.filter((p) => !qs.includes(p as Obj));
          node['x-querystring'] = qs;
          ctx.report({
            ruleId: 'from-3.2',
            severity: 'warn',
            message: `${qs.length} \`in: querystring\` parameter(s) moved to \`x-querystring\` (no 3.1 equivalent)`,
            pointer: childPointer(ptr, 'parameters'),
          });
        }
      }
    });
    src.doc.openapi = '3.1.0';
    ctx.report({ ruleId: 'from-3.2', severity: 'info', message: `read OpenAPI ${version} as 3.1.0`, pointer: '/openapi' });
  },
};

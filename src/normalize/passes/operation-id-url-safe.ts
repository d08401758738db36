import type { Obj, Pass } from '../types.js';
import { isObject } from '../../core/json.js';
import { childPointer } from '../../core/pointer.js';
import { HTTP_METHODS } from '../schema-walk.js';
import { camelFromId } from '../../core/naming.js';
import { renameLinkOperationIds } from './provider-prefix.js';

const URL_SAFE = /^[A-Za-z0-9._~-]+$/;

/**
 * operationIds are used in URLs (Apidog, docs anchors) and as code
 * identifiers; Swagger-era documents use the path as operationId (Yelp:
 * `/businesses/search`), which Redocly's recommended rules reject. Such an id
 * becomes its camelCase form (`businessesSearch`), with `_2`… where that
 * clashes inside the document; links naming it follow. Each change is reported.
 */
export const operationIdUrlSafe: Pass = {
  name: 'operation-id-url-safe',
  description: 'Rewrite operationIds with URL-unsafe characters to camelCase identifiers.',
  run(src, ctx) {
    if (!isObject(src.doc.paths)) return;
    const ops: Array<[Obj, string]> = [];
    const taken = new Set<string>();
    for (const [path, item] of Object.entries(src.doc.paths)) {
      if (!isObject(item)) continue;
      for (const m of HTTP_METHODS) {
        const op = item[m];
        if (!isObject(op) || typeof op.operationId !== 'string') continue;
        if (URL_SAFE.test(op.operationId)) taken.add(op.operationId);
        else ops.push([op, childPointer('', 'paths', path, m, 'operationId')]);
      }
    }
    const renamed = new Map<string, string>();
    for (const [op, ptr] of ops) {
      const from = op.operationId as string;
      const stem = camelFromId(from);
      let to = stem;
      for (let n = 2; taken.has(to); n++) to = `${stem}_${n}`;
      taken.add(to);
      op.operationId = to;
      renamed.set(from, to);
      ctx.report({
        ruleId: 'operation-id-url-safe',
        severity: 'info',
        message: `operationId ${JSON.stringify(from)} has URL-unsafe characters; renamed ${to}`,
        pointer: ptr,
      });
    }
    if (renamed.size > 0) renameLinkOperationIds(src.doc, renamed);
  },
};

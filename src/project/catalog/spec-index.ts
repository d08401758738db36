import { isObject } from '../../core/json.js';
import { pointer } from '../../core/pointer.js';

import { HTTP_METHODS } from '../../core/http-methods.js';

export { HTTP_METHODS };

/** One operation of the unified spec, as the search tools see it. */
export interface OperationInfo {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  tags: string[];
  folder: string | null;
  provider: string | null;
  /** FAL endpoint id (`x-hub-source.endpointId`). */
  endpointId: string | null;
  /** FAL queue role: submit, status, result or cancel. */
  role: string | null;
  deprecated: boolean;
  /** JSON pointer of the operation in the document. */
  pointer: string;
}

export interface SpecIndex {
  operations: OperationInfo[];
  byOperationId: Map<string, OperationInfo>;
  /** FAL endpoint id -> its operations (submit, status, result, cancel). */
  byEndpoint: Map<string, OperationInfo[]>;
}

/**
 * Index every operation of an OpenAPI document once: by operationId, and by
 * FAL endpoint id through `x-hub-source`. An operation without an operationId
 * gets `<METHOD> <path>` as its id, so every one can be asked for.
 */
export function indexSpec(doc: unknown): SpecIndex {
  const operations: OperationInfo[] = [];
  const byOperationId = new Map<string, OperationInfo>();
  const byEndpoint = new Map<string, OperationInfo[]>();
  const paths = isObject(doc) && isObject(doc.paths) ? doc.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const src = isObject(op['x-hub-source']) ? op['x-hub-source'] : {};
      const operationId = typeof op.operationId === 'string' && op.operationId ? op.operationId : `${method.toUpperCase()} ${path}`;
      const info: OperationInfo = {
        operationId,
        method: method.toUpperCase(),
        path,
        summary: typeof op.summary === 'string' ? op.summary : '',
        tags: Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === 'string') : [],
        folder: typeof op['x-apidog-folder'] === 'string' ? op['x-apidog-folder'] : null,
        provider: typeof src.provider === 'string' ? src.provider : null,
        endpointId: typeof src.endpointId === 'string' ? src.endpointId : null,
        role: typeof src.role === 'string' ? src.role : null,
        deprecated: op.deprecated === true,
        pointer: pointer('paths', path, method),
      };
      operations.push(info);
      if (!byOperationId.has(operationId)) byOperationId.set(operationId, info);
      if (info.endpointId) {
        const list = byEndpoint.get(info.endpointId);
        if (list) list.push(info);
        else byEndpoint.set(info.endpointId, [info]);
      }
    }
  }
  return { operations, byOperationId, byEndpoint };
}

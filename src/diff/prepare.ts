import { HubError } from '../core/errors.js';
import { isObject } from '../core/json.js';
import { cloneJson } from '../core/json.js';
import { upgradeTo31 } from '../normalize/passes/upgrade-to-31.js';
import { runPasses } from '../normalize/run-passes.js';
import { upgradeSwagger2 } from '../normalize/upgrade-swagger2.js';
import { diffDocuments } from './diff.js';
import type { DiffResult } from './types.js';

type Obj = Record<string, unknown>;

/**
 * Bring a document to OpenAPI 3.1 the way the build does, so that two sides
 * of a diff are compared in one shape: Swagger 2.0 through swagger2openapi
 * (parameters get a `schema`, `host` + `basePath` become `servers`, a body
 * parameter a request body), then 3.0 through the build's upgrade-to-3.1 pass
 * (`nullable` becomes a `null` type). Never changes its input. A 2.0 document
 * without `schemes` keeps its `//host` server URL on both sides alike.
 */
export async function prepareForDiff(doc: Obj, label = 'document'): Promise<Obj> {
  let out: Obj;
  if (typeof doc.swagger === 'string') {
    try {
      out = (await upgradeSwagger2(cloneJson(doc))).doc;
    } catch (err) {
      throw new HubError(`${label}: swagger2openapi could not convert it: ${(err as Error).message}`);
    }
  } else if (typeof doc.openapi === 'string' && doc.openapi.startsWith('3.0')) out = cloneJson(doc);
  else return doc;
  if (typeof out.openapi === 'string' && out.openapi.startsWith('3.0')) {
    runPasses([upgradeTo31], { provider: 'diff', sourceId: label, file: label, sha256: '', doc: out }, { report: () => {} });
  }
  return out;
}

/** `api-hub diff`: both sides prepared as the build prepares them, then compared. */
export async function diffOpenApi(oldDoc: Obj, newDoc: Obj): Promise<DiffResult> {
  const [a, b] = await Promise.all([prepareForDiff(oldDoc, 'old'), prepareForDiff(newDoc, 'new')]);
  return diffDocuments(a, b);
}

export const isOpenApi = (data: unknown): data is Obj => isObject(data) && (typeof data.openapi === 'string' || typeof data.swagger === 'string');

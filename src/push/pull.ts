import type { Env } from '../core/env.js';
import { isObject } from '../core/json.js';
import { ApidogError, apidogPost, retryPolicyFromEnv } from './apidog.js';
import type { HttpOptions } from './apidog.js';
import { apidogSettings, requireTarget } from './push.js';

export interface PullInput {
  env: Env;
  locale: string;
  http?: Omit<HttpOptions, 'redact'>;
}

export interface PullResult {
  /** The exported OpenAPI document. */
  document: Record<string, unknown>;
  projectId: string;
  ms: number;
}

/** The export asked for: the whole project, OAS 3.1, JSON, with Apidog's `x-apidog-*` fields (provider-apis.md §3.4). */
export const EXPORT_REQUEST = {
  scope: { type: 'ALL' },
  options: { includeApidogExtensionProperties: true, addFoldersToTags: false },
  oasVersion: '3.1',
  exportFormat: 'JSON',
} as const;

/**
 * `api-hub pull`: `POST /v1/projects/{id}/export-openapi`. Read-only, so
 * 429, 5xx and network errors are all repeated. The answer is the document
 * itself; a `{ data: <document> }` wrapper (reported by one source) is
 * unwrapped.
 */
export async function pullFromApidog(input: PullInput): Promise<PullResult> {
  const { target: partial, redact } = apidogSettings(input.env, input.locale);
  const target = requireTarget(partial, 'api-hub pull');
  const response = await apidogPost(target, 'export-openapi', JSON.stringify(EXPORT_REQUEST), true, {
    retry: retryPolicyFromEnv(input.env),
    ...input.http,
    redact,
  });
  let body: unknown;
  try {
    body = JSON.parse(response.text) as unknown;
  } catch {
    body = undefined;
  }
  const document = isOpenApi(body) ? body : isObject(body) && isOpenApi(body.data) ? body.data : undefined;
  if (!document) {
    throw new ApidogError(
      redact(
        `export-openapi: Apidog's answer is not an OpenAPI document (no \`openapi\` field).\nApidog's answer (${response.status}): ${response.text.slice(0, 4000)}`,
      ),
      response.status,
      redact(response.text),
    );
  }
  return { document, projectId: target.projectId, ms: response.ms };
}

function isOpenApi(value: unknown): value is Record<string, unknown> {
  return isObject(value) && (typeof value.openapi === 'string' || typeof value.swagger === 'string');
}

import type { Diagnostic } from '../core/diagnostic.js';
import { cmp, compareDiagnostics } from '../core/diagnostic.js';
import { isObject } from '../core/json.js';
import { OAS31_HTTP_METHODS } from '../core/http-methods.js';
import { pointer, resolvePointer } from '../core/pointer.js';

/**
 * The inventory the client is generated from: which paths belong to which
 * provider, and the FAL endpoints with their queue operations. Everything is
 * read from `x-hub-source` (docs/architecture.md, "The unified document"), never
 * guessed from path shapes, and every entry the generated code refers to is
 * checked here, so the generated declarations always compile.
 */

/** generate takes OpenAPI 3.0/3.1 documents (openapi-typescript 7 types no `query` operation). */
const HTTP_METHODS = OAS31_HTTP_METHODS;
export type HttpMethod = (typeof OAS31_HTTP_METHODS)[number];

export const FAL_ROLES = ['submit', 'status', 'result', 'cancel'] as const;
export type FalRole = (typeof FAL_ROLES)[number];

export const JSON_MEDIA_TYPE = 'application/json';

export interface OperationRef {
  path: string;
  method: HttpMethod;
  /** JSON pointer of the operation in the document. */
  pointer: string;
  summary?: string;
}

export interface FalEndpoint {
  endpointId: string;
  /** `POST /<endpointId>`: request body = the model input, 200 = the queue status. */
  submit: OperationRef;
  /** `GET /<endpointId>/requests/{request_id}`: 200 = the model output. */
  result: OperationRef;
  status?: OperationRef;
  cancel?: OperationRef;
}

export interface Inventory {
  /** Sorted by endpoint id (code points). */
  fal: FalEndpoint[];
  /** Every path with a FAL operation, sorted. */
  falPaths: string[];
  /** Every path with a Comet operation, sorted. */
  cometPaths: string[];
  /** Every Comet operation, in path then method order. */
  comet: OperationRef[];
  diagnostics: Diagnostic[];
}

type Provider = 'fal' | 'comet';

interface FalSource {
  provider: 'fal';
  endpointId: string;
  role: FalRole;
}

type Warn = (ruleId: string, ptr: string, message: string, suggestion?: string) => void;

export function collectOperations(doc: Record<string, unknown>, file?: string): Inventory {
  const diagnostics: Diagnostic[] = [];
  const warn = diagnosticCollector(diagnostics, file);

  const paths = isObject(doc.paths) ? doc.paths : {};
  const falPaths: string[] = [];
  const cometPaths: string[] = [];
  const comet: OperationRef[] = [];
  const falRoles = new Map<string, Partial<Record<FalRole, OperationRef>>>();

  for (const path of Object.keys(paths).sort(cmp)) {
    const item = deref(doc, paths[path]);
    if (!isObject(item)) continue;
    const { providers, falHere, cometHere } = classifyPathOperations(path, item, warn);
    if (providers.size > 1) {
      warn(
        'generate-mixed-path',
        pointer('paths', path),
        'path has both FAL and Comet operations; it is left out of both clients',
        'a path belongs to one provider; check the build report for a path conflict',
      );
      continue;
    }
    if (providers.has('comet')) {
      cometPaths.push(path);
      comet.push(...cometHere);
    }
    if (providers.has('fal')) {
      falPaths.push(path);
      for (const [src, ref] of falHere) addFalRole(falRoles, src, ref, warn);
    }
  }

  const fal: FalEndpoint[] = [];
  for (const endpointId of [...falRoles.keys()].sort(cmp)) {
    const roles = falRoles.get(endpointId) ?? {};
    const endpoint = checkFalEndpoint(doc, endpointId, roles, warn);
    if (endpoint) fal.push(endpoint);
  }
  diagnostics.sort(compareDiagnostics);
  return { fal, falPaths, cometPaths, comet, diagnostics };
}

/** A `warn` that pushes a warning diagnostic (with the file, when known) onto `diagnostics`. */
function diagnosticCollector(diagnostics: Diagnostic[], file: string | undefined): Warn {
  return (ruleId, ptr, message, suggestion) => {
    diagnostics.push({
      ruleId,
      severity: 'warn',
      message,
      pointer: ptr,
      ...(file === undefined ? {} : { file }),
      ...(suggestion === undefined ? {} : { suggestion }),
    });
  };
}

interface PathOperations {
  providers: Set<Provider>;
  falHere: Array<[FalSource, OperationRef]>;
  cometHere: OperationRef[];
}

/** Sort the operations of one Path Item by the provider their `x-hub-source` names. */
function classifyPathOperations(path: string, item: Record<string, unknown>, warn: Warn): PathOperations {
  const providers = new Set<Provider>();
  const falHere: Array<[FalSource, OperationRef]> = [];
  const cometHere: OperationRef[] = [];
  for (const method of HTTP_METHODS) {
    const op = item[method];
    if (!isObject(op)) continue;
    const ptr = pointer('paths', path, method);
    const ref: OperationRef = { path, method, pointer: ptr, ...(typeof op.summary === 'string' ? { summary: op.summary } : {}) };
    const source = op['x-hub-source'];
    if (!isObject(source)) {
      warn(
        'generate-missing-source',
        ptr,
        'operation has no `x-hub-source`, so it belongs to no provider client',
        'rebuild specs/openapi.yaml with `api-hub build`',
      );
      continue;
    }
    if (source.provider === 'comet') {
      providers.add('comet');
      cometHere.push(ref);
    } else if (source.provider === 'fal') {
      providers.add('fal');
      const fal = falSource(source, path, method, warn);
      if (fal) falHere.push([fal, ref]);
    } else {
      warn(
        'generate-bad-source',
        pointer('paths', path, method, 'x-hub-source', 'provider'),
        `unknown provider ${JSON.stringify(source.provider)}; expected "fal" or "comet"`,
      );
    }
  }
  return { providers, falHere, cometHere };
}

/** The endpoint and role of a FAL operation's `x-hub-source`, or undefined (with a warning) when they are missing. */
function falSource(source: Record<string, unknown>, path: string, method: HttpMethod, warn: Warn): FalSource | undefined {
  const { endpointId, role } = source;
  if (typeof endpointId !== 'string' || endpointId === '' || !isFalRole(role)) {
    warn(
      'generate-bad-source',
      pointer('paths', path, method, 'x-hub-source'),
      '`x-hub-source` of a FAL operation needs `endpointId` and `role` (submit, status, result or cancel)',
    );
    return undefined;
  }
  return { provider: 'fal', endpointId, role };
}

/** Record a FAL operation under its endpoint and role; the first one of a role wins. */
function addFalRole(falRoles: Map<string, Partial<Record<FalRole, OperationRef>>>, src: FalSource, ref: OperationRef, warn: Warn): void {
  const roles = falRoles.get(src.endpointId) ?? {};
  const existing = roles[src.role];
  if (existing) {
    warn(
      'generate-fal-duplicate-role',
      ref.pointer,
      `FAL endpoint ${src.endpointId} already has a ${src.role} operation at ${existing.method.toUpperCase()} ${existing.path}; this one is ignored`,
    );
    return;
  }
  roles[src.role] = ref;
  falRoles.set(src.endpointId, roles);
}

/** A FAL endpoint goes into the typed map only when everything the generated types index into exists. */
function checkFalEndpoint(
  doc: Record<string, unknown>,
  endpointId: string,
  roles: Partial<Record<FalRole, OperationRef>>,
  warn: Warn,
): FalEndpoint | undefined {
  const { submit, result, status, cancel } = roles;
  const skipped = `FAL endpoint ${endpointId} is left out of the typed client`;
  if (!submit || !result) {
    const missing = [submit ? undefined : 'submit', result ? undefined : 'result'].filter((r) => r !== undefined).join(' and ');
    const at = submit ?? result ?? status ?? cancel;
    warn('generate-fal-incomplete', at?.pointer ?? '', `${skipped}: it has no ${missing} operation`);
    return undefined;
  }
  // The runtime submits to `/<endpointId>` without a per-endpoint table; the document must agree.
  if (submit.method !== 'post' || submit.path !== `/${endpointId}`) {
    warn(
      'generate-fal-path',
      submit.pointer,
      `${skipped}: its submit operation is ${submit.method.toUpperCase()} ${submit.path}, expected POST /${endpointId}`,
    );
    return undefined;
  }
  if (!hasJsonRequestBody(doc, submit)) {
    warn('generate-fal-no-json', submit.pointer, `${skipped}: its submit operation has no ${JSON_MEDIA_TYPE} request body`);
    return undefined;
  }
  if (!hasJsonResponse(doc, submit, '200')) {
    warn('generate-fal-no-json', submit.pointer, `${skipped}: its submit operation has no 200 ${JSON_MEDIA_TYPE} response`);
    return undefined;
  }
  if (!hasJsonResponse(doc, result, '200')) {
    warn('generate-fal-no-json', result.pointer, `${skipped}: its result operation has no 200 ${JSON_MEDIA_TYPE} response`);
    return undefined;
  }
  return { endpointId, submit, result, ...(status ? { status } : {}), ...(cancel ? { cancel } : {}) };
}

function isFalRole(value: unknown): value is FalRole {
  return typeof value === 'string' && (FAL_ROLES as readonly string[]).includes(value);
}

/** Follow local `$ref`s (a bounded number of hops, so a cycle cannot hang). */
export function deref(doc: unknown, value: unknown): unknown {
  let node = value;
  for (let hops = 0; hops < 32; hops++) {
    if (!isObject(node) || typeof node.$ref !== 'string') return node;
    if (!node.$ref.startsWith('#')) return undefined;
    node = resolvePointer(doc, node.$ref);
  }
  return undefined;
}

/** The Operation Object of a ref (through `$ref`s), or undefined. */
export function operation(doc: Record<string, unknown>, ref: OperationRef): Record<string, unknown> | undefined {
  const paths = isObject(doc.paths) ? doc.paths : {};
  const item = deref(doc, paths[ref.path]);
  const op = isObject(item) ? item[ref.method] : undefined;
  return isObject(op) ? op : undefined;
}

/** OAS 3.1 §4.8.13 Request Body Object: `content` keyed by media type. */
export function hasJsonRequestBody(doc: Record<string, unknown>, ref: OperationRef): boolean {
  const body = deref(doc, operation(doc, ref)?.requestBody);
  return isObject(body) && isObject(body.content) && isObject(body.content[JSON_MEDIA_TYPE]);
}

/** OAS 3.1 §4.8.16-17 Responses / Response Object: `content` keyed by media type. */
export function hasJsonResponse(doc: Record<string, unknown>, ref: OperationRef, status: string): boolean {
  const response = responseObject(doc, ref, status);
  return isObject(response) && isObject(response.content) && isObject(response.content[JSON_MEDIA_TYPE]);
}

/** The Response Object (dereferenced) of an operation for a status code, or undefined. */
export function responseObject(doc: Record<string, unknown>, ref: OperationRef, status: string): Record<string, unknown> | undefined {
  const responses = operation(doc, ref)?.responses;
  const response = isObject(responses) ? deref(doc, responses[status]) : undefined;
  return isObject(response) ? response : undefined;
}

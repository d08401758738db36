import type { Diagnostic } from '../core/diagnostic.js';
import { isObject } from '../core/json.js';
import { childPointer, resolvePointer } from '../core/pointer.js';
import type { PollDescriptor } from './runtime/tasks.js';
import type { OperationRef } from './operations.js';
import { deref, operation } from './operations.js';

/**
 * A Comet task submit operation and how to follow it, read from its
 * `x-hub-poll` extension (docs: README "The typed client"):
 *
 *     x-hub-poll:
 *       operationId: cometFetchVideo            # the poll operation
 *       parameters: { video_id: '$response.body#/id' }    # from the submit's answer
 *       requestBody: { ids: '$response.body#/task_id' }   # POST polls
 *       status: /status                         # JSON pointer into the poll answer
 *       done: [completed, SUCCESS]              # compared case-insensitively
 *       failed: [failed, error]
 *       result: /video_url                      # optional
 *       interval: 15                            # seconds
 */
export interface TaskLink {
  operationId: string;
  submit: OperationRef;
  poll: OperationRef;
  descriptor: PollDescriptor;
  /** The submit's body is multipart/form-data (and not JSON). */
  form: boolean;
}

const RUNTIME_EXPRESSION = /^\$response\.body#(\/.*)?$/;
const POINTER = /^(\/.*)?$/;

/** Every Comet operation with a usable `x-hub-poll`, by operationId (sorted); a link that cannot be followed is a warning. */
export function taskLinks(doc: Record<string, unknown>, comet: readonly OperationRef[], file?: string): { links: TaskLink[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map<string, OperationRef>();
  for (const ref of comet) {
    const id = operation(doc, ref)?.operationId;
    if (typeof id === 'string') byId.set(id, ref);
  }
  const links: TaskLink[] = [];
  for (const submit of comet) {
    const op = operation(doc, submit);
    const ext = op?.['x-hub-poll'];
    if (ext === undefined) continue;
    const ptr = childPointer(submit.pointer, 'x-hub-poll');
    const problem = (message: string): void =>
      void diagnostics.push({
        ruleId: 'generate-poll-link',
        severity: 'warn',
        message: `${submit.method.toUpperCase()} ${submit.path} is left out of comet.tasks: ${message}`,
        pointer: ptr,
        ...(file === undefined ? {} : { file }),
        suggestion: "x-hub-poll: { operationId, parameters: { name: '$response.body#/ptr' }, status: '/ptr', done: [...], failed: [...] }",
      });
    const id = op?.operationId;
    if (typeof id !== 'string') {
      problem('the submit operation has no operationId');
      continue;
    }
    const link = readLink(doc, ext, byId);
    if (typeof link === 'string') problem(link);
    else {
      const body = deref(doc, op?.requestBody);
      const content = isObject(body) && isObject(body.content) ? body.content : {};
      links.push({ operationId: id, submit, ...link, form: !isObject(content['application/json']) && isObject(content['multipart/form-data']) });
    }
  }
  links.sort((a, b) => (a.operationId < b.operationId ? -1 : a.operationId > b.operationId ? 1 : 0));
  return { links, diagnostics };
}

function readLink(
  doc: Record<string, unknown>,
  ext: unknown,
  byId: ReadonlyMap<string, OperationRef>,
): { poll: OperationRef; descriptor: PollDescriptor } | string {
  if (!isObject(ext)) return 'x-hub-poll is not an object';
  if (typeof ext.operationId !== 'string') return 'x-hub-poll has no operationId';
  const poll = byId.get(ext.operationId);
  if (poll === undefined) return `its poll operation ${ext.operationId} is not a Comet operation of the document`;
  if (typeof ext.status !== 'string' || !POINTER.test(ext.status)) return '`status` must be a JSON pointer such as /status';
  const statuses = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((s) => typeof s === 'string') ? (v as string[]) : undefined);
  const done = statuses(ext.done);
  const failed = statuses(ext.failed) ?? [];
  if (done === undefined || done.length === 0) return '`done` must list the statuses that end the task';
  if (ext.failed !== undefined && statuses(ext.failed) === undefined) return '`failed` must be a list of statuses';
  if (ext.result !== undefined && (typeof ext.result !== 'string' || !POINTER.test(ext.result))) return '`result` must be a JSON pointer';
  if (ext.interval !== undefined && (typeof ext.interval !== 'number' || !(ext.interval > 0))) return '`interval` must be a positive number of seconds';
  const descriptor: PollDescriptor = { method: poll.method, path: poll.path, status: ext.status, done, failed };
  if (ext.parameters !== undefined) {
    if (!isObject(ext.parameters)) return '`parameters` must map parameter names to $response.body#/... expressions';
    const where = parameterPlaces(doc, poll);
    const parameters: Record<string, readonly ['path' | 'query' | 'header', string]> = {};
    for (const name of Object.keys(ext.parameters).sort()) {
      const expr = ext.parameters[name];
      const m = typeof expr === 'string' ? RUNTIME_EXPRESSION.exec(expr) : null;
      const place = where.get(name) ?? (poll.path.includes(`{${name}}`) ? 'path' : undefined);
      // A constant for a path parameter (Kling's shared query route: `{action}` is always `videos`) is written into the path.
      if (m === null && typeof expr === 'string' && /^[^$/]/.test(expr) && place === 'path') {
        descriptor.path = descriptor.path.replace(`{${name}}`, encodeURIComponent(expr));
        continue;
      }
      if (m === null) return `parameter ${name}: ${JSON.stringify(expr)} is not a $response.body#/... expression or a constant of a path parameter`;
      if (place === undefined) return `parameter ${name} is not a path, query or header parameter of ${ext.operationId}`;
      parameters[name] = [place, m[1] ?? ''];
    }
    descriptor.parameters = parameters;
  }
  const missing = [...descriptor.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '').filter((n) => descriptor.parameters?.[n] === undefined);
  if (missing.length > 0) return `the poll path ${poll.path} needs ${missing.join(', ')}, which \`parameters\` does not give`;
  if (ext.requestBody !== undefined) {
    if (!isObject(ext.requestBody)) return '`requestBody` must map body fields to $response.body#/... expressions';
    const body: Record<string, string> = {};
    for (const field of Object.keys(ext.requestBody).sort()) {
      const expr = ext.requestBody[field];
      const m = typeof expr === 'string' ? RUNTIME_EXPRESSION.exec(expr) : null;
      if (m === null) return `body field ${field}: ${JSON.stringify(expr)} is not a $response.body#/... expression`;
      body[field] = m[1] ?? '';
    }
    descriptor.requestBody = body;
  }
  if (typeof ext.result === 'string') descriptor.result = ext.result;
  if (typeof ext.interval === 'number') descriptor.interval = ext.interval;
  return { poll, descriptor };
}

/** Where each parameter of an operation goes (path-level and operation-level parameters, through $refs). */
function parameterPlaces(doc: Record<string, unknown>, ref: OperationRef): Map<string, 'path' | 'query' | 'header'> {
  const out = new Map<string, 'path' | 'query' | 'header'>();
  const item = deref(doc, resolvePointer(doc, `/paths/${ref.path.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  const lists = [isObject(item) ? item.parameters : undefined, operation(doc, ref)?.parameters];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const p of list) {
      const param = deref(doc, p);
      if (isObject(param) && typeof param.name === 'string' && (param.in === 'path' || param.in === 'query' || param.in === 'header'))
        out.set(param.name, param.in);
    }
  }
  return out;
}

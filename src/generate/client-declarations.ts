import type { CometFeatures } from './comet-shortcuts.js';
import { RUNTIME_DEFAULTS } from './runtime/defaults.js';
import { isObject } from '../core/json.js';
import { FORM_MEDIA_TYPE } from './comet-shortcuts.js';
import type { FalEndpoint, Inventory, OperationRef } from './operations.js';
import { deref, hasJsonResponse, JSON_MEDIA_TYPE, responseObject } from './operations.js';
import { commentText, jsDoc, pathsAccess, stringLiteral } from './ts-text.js';

const MEDIA = stringLiteral(JSON_MEDIA_TYPE);

/** `NonNullable<paths[P][M]["requestBody"]>["content"]["application/json"]` */
function requestBodyType(path: string, method: string, media: string = JSON_MEDIA_TYPE): string {
  return `NonNullable<${pathsAccess(path, method)}["requestBody"]>["content"][${stringLiteral(media)}]`;
}

/** `paths[P][M]["responses"][200]["content"]["application/json"]` */
function responseType(path: string, method: string, status: number): string {
  return `${pathsAccess(path, method)}["responses"][${status}]["content"][${MEDIA}]`;
}

function unionOfLiterals(values: readonly string[]): string {
  return values.length === 0 ? 'never' : values.map(stringLiteral).join(' | ');
}

/**
 * `generated/client.d.ts`: the types of client.js. Provider path sets and the
 * FAL endpoint map are indexed accesses into openapi-typescript's `paths`
 * (schema.d.ts), so every type comes from the document.
 */
export function emitClientDts(header: string, inventory: Inventory, features: CometFeatures, doc: Record<string, unknown> = {}): string {
  const schemaImports = features.chatStream ? 'components, paths' : 'paths';
  return `${header}import type { Client, FetchResponse } from 'openapi-fetch';
import type { ${schemaImports} } from './schema.js';

// The runtime (generated/runtime/, emitted from the hub's typed src/generate/runtime/ and core/retry.ts).
import type { HubClientOptions } from './runtime/hub.js';
import type { PollOptions } from './runtime/tasks.js';
import type { ProviderOptions, RequestExtras } from './runtime/http.js';
export { COMET_BASE_URL, FAL_BASE_URL } from './runtime/defaults.js';
export { HubApiError } from './runtime/errors.js';
export { HubTaskError } from './runtime/tasks.js';
export type { Provider } from './runtime/errors.js';
export type { FetchFunction, ProviderOptions, RequestExtras, RetryOptions } from './runtime/http.js';
export type { HubClientOptions } from './runtime/hub.js';
export type { PollOptions } from './runtime/tasks.js';

// ---------------------------------------------------------------- Comet

/** The paths served by Comet (\`x-hub-source.provider: comet\`). */
export type CometPaths = Pick<paths, ${unionOfLiterals(inventory.cometPaths)}>;
${emitCometTypes(features, doc)}
${emitFalTypes(inventory)}
// ---------------------------------------------------------------- both

export interface HubClient {
  comet: CometClient;
  fal: FalClient;
}

export declare function createHubClient(options: HubClientOptions): HubClient;
export declare function createCometClient(options: ProviderOptions): CometClient;
export declare function createFalClient(options: ProviderOptions): FalClient;
`;
}

/** The FAL part of client.d.ts: the path set, the endpoint map and the queue client. */
function emitFalTypes(inventory: Inventory): string {
  const d = RUNTIME_DEFAULTS;
  return `// ---------------------------------------------------------------- FAL

/** The paths served by the FAL queue (\`x-hub-source.provider: fal\`). */
export type FalPaths = Pick<paths, ${unionOfLiterals(inventory.falPaths)}>;

/**
 * Every FAL endpoint id of the document, with the model's input (the submit
 * request body), its output (the result's 200 body) and the queue status
 * (the submit's 200 body).
 */
export interface FalEndpointMap {
${inventory.fal.map(emitFalEntry).join('')}}

export type FalEndpointId = keyof FalEndpointMap;
export type FalInput<Id extends FalEndpointId> = FalEndpointMap[Id]["input"];
export type FalOutput<Id extends FalEndpointId> = FalEndpointMap[Id]["output"];
export type FalQueueStatus<Id extends FalEndpointId> = FalEndpointMap[Id]["queue"];

/** A queued request: its id, or the submit/status response that carries its URLs. */
export type FalRequest = string | {
  request_id: string;
  status_url?: string;
  response_url?: string;
  cancel_url?: string;
};

/** The body of a FAL error response: FAL's \`{ detail }\`, or any other body as \`{ detail: <text> }\`. */
export interface FalError {
  detail?: unknown;
  [key: string]: unknown;
}

/** \`{ data }\` on a 2xx response, \`{ error }\` otherwise; \`response\` always. */
export type FalResult<T> =
  | { data: T; error?: never; response: Response }
  | { data?: never; error: FalError; response: Response };

export interface FalClient {
  /** The openapi-fetch client over FalPaths, with FAL's base URL and key (\`client.use(middleware)\`). */
  readonly client: Client<FalPaths, "application/json">;
  /** \`POST /<endpointId>\`: put a request in the queue. */
  submit<Id extends FalEndpointId>(endpointId: Id, input: FalInput<Id>, init?: RequestExtras): Promise<FalResult<FalQueueStatus<Id>>>;
  /** The queue status of a request (\`logs: true\` includes its logs). */
  status<Id extends FalEndpointId>(endpointId: Id, request: FalRequest, init?: RequestExtras & { logs?: boolean }): Promise<FalResult<FalQueueStatus<Id>>>;
  /** The output of a completed request. */
  result<Id extends FalEndpointId>(endpointId: Id, request: FalRequest, init?: RequestExtras): Promise<FalResult<FalOutput<Id>>>;
  /** Cancel a request that has not started. */
  cancel<Id extends FalEndpointId>(endpointId: Id, request: FalRequest, init?: RequestExtras): Promise<FalResult<{ success?: boolean }>>;
  /**
   * One call for a queued job: submit, poll the status (following the \`status_url\` of the
   * submit) until COMPLETED, and return the output (from its \`response_url\`). Rejects with a
   * HubApiError on an error answer, and with the signal's reason when aborted (the request stays
   * queued; \`fal.cancel\` cancels it). Polls after ${d.falPollInterval} ms, then 1.5 times longer each time, up to ${d.falMaxPollInterval} ms.
   */
  subscribe<Id extends FalEndpointId>(endpointId: Id, input: FalInput<Id>, options?: FalSubscribeOptions<Id>): Promise<FalOutput<Id>>;
}

export interface FalSubscribeOptions<Id extends FalEndpointId> extends PollOptions {
  /** Called with the submit's answer, then with every polled status. */
  onQueueUpdate?: (status: FalQueueStatus<Id>) => void;
  /** Ask for the logs with every status. */
  logs?: boolean;
}
`;
}

function emitFalEntry(e: FalEndpoint): string {
  return (
    jsDoc(e.submit.summary === undefined ? e.endpointId : `${e.endpointId}: ${e.submit.summary}`, '  ') +
    `  ${stringLiteral(e.endpointId)}: {\n` +
    `    input: ${requestBodyType(e.submit.path, e.submit.method)};\n` +
    `    output: ${responseType(e.result.path, e.result.method, 200)};\n` +
    `    queue: ${responseType(e.submit.path, e.submit.method, 200)};\n` +
    '  };\n'
  );
}

function emitCometTypes(features: CometFeatures, doc: Record<string, unknown>): string {
  const { shortcuts, chatStream, midjourneyTask } = features;
  let out = '';
  for (const s of shortcuts) {
    out += `\n/** The request body of \`${s.method.toUpperCase()} ${s.path}\`${s.media === JSON_MEDIA_TYPE ? '' : ` (${s.media}: Blob values are sent as files)`}. */\n`;
    out += `export type ${s.bodyType} = ${requestBodyType(s.path, s.method, s.media)};\n`;
  }
  out += emitTaskTypes(features, doc);
  if (chatStream) {
    out += `\n/** One server-sent event of \`comet.chat.stream\` (\`x-hub-sse-data-schema\` of the text/event-stream answer). */\n`;
    out += `export type ChatCompletionChunk = components["schemas"][${stringLiteral(chatStream.chunkSchema)}];\n`;
  }
  if (midjourneyTask) {
    out += `\n/** A Midjourney task (\`GET ${midjourneyTask.path}\`). */\n`;
    out += `export type MidjourneyTask = ${responseType(midjourneyTask.path, 'get', 200)};\n`;
    out += `\n/** The statuses that end \`waitForTask\`. */\n`;
    out += `export type MidjourneyFinalStatus = ${unionOfLiterals(midjourneyTask.terminal)};\n`;
    out += '\nexport interface MidjourneyWaitOptions extends PollOptions {\n';
    out += '  /** Called with every fetched state of the task. */\n';
    out += '  onTaskUpdate?: (task: MidjourneyTask) => void;\n';
    out += '}\n';
  }
  out +=
    '\n/**\n' +
    ' * The openapi-fetch client over CometPaths (`comet.POST(path, { body })`), plus shortcuts.\n' +
    ' * Responses are typed as their `application/json` content (openapi-fetch parses JSON by default);\n' +
    ' * pass `parseAs: "stream"` for `text/event-stream`, or use `chat.stream`.\n' +
    ' */\n';
  out += 'export interface CometClient extends Client<CometPaths, "application/json"> {\n';
  for (const [group, members] of cometClientGroups(features)) out += `  ${group}: {\n${members.join('')}  };\n`;
  return out + '}\n';
}

/** The members of the CometClient groups (`chat`, `images`, `tasks`, …), in the order they are first met. */
function cometClientGroups(features: CometFeatures): Map<string, string[]> {
  const { shortcuts, chatStream, midjourneyTask } = features;
  const groups = new Map<string, string[]>();
  const add = (group: string, text: string): void => void groups.set(group, [...(groups.get(group) ?? []), text]);
  for (const s of shortcuts) for (const text of shortcutMembers(s)) add(s.group, text);
  if (chatStream) add(chatStream.group, chatStreamMember(chatStream));
  if (midjourneyTask) add(midjourneyTask.group, midjourneyMembers(midjourneyTask));
  if (features.tasks.length > 0) add('tasks', TASKS_MEMBERS);
  return groups;
}

type Shortcut = CometFeatures['shortcuts'][number];

/** A shortcut method, and its `…AndWait` twin when the operation starts a task. */
function shortcutMembers(s: Shortcut): string[] {
  const members: string[] = [];
  // A body with `stream: true` is still accepted (object literals widen `false` to boolean, and
  // forbidding it would reject ordinary code); its event-stream answer is what chat.stream is for.
  const body = s.bodyType;
  const args = (s.pathParams ?? []).map((p) => `${safeName(p)}: string, `).join('');
  members.push(
    `    /** \`${s.method.toUpperCase()} ${s.path}\` */\n` +
      `    ${s.name}(${args}body: ${body}, init?: RequestExtras): Promise<FetchResponse<${pathsAccess(s.path, s.method)}, {}, "application/json">>;\n`,
  );
  if (s.task !== undefined) {
    const id = stringLiteral(s.task);
    members.push(
      `    /**\n     * \`${s.method.toUpperCase()} ${s.path}\`, then poll the task (its \`x-hub-poll\` link) until it is done: \`comet.tasks.run(${commentText(id)}, body)\`.\n` +
        '     * Rejects with a HubApiError on an error answer and a HubTaskError when the task fails.\n     */\n' +
        `    ${s.name}AndWait(${args}body: ${body}, options?: CometTaskWaitOptions<${id}>): Promise<CometTaskOutcome<${id}>>;\n`,
    );
  }
  return members;
}

/** `chat.stream`: the server-sent events of a chat completion as typed chunks. */
function chatStreamMember(chatStream: NonNullable<CometFeatures['chatStream']>): string {
  return (
    `    /**\n` +
    `     * \`${chatStream.method.toUpperCase()} ${chatStream.path}\` with \`stream: true\`: the server-sent events as typed chunks, ending at\n` +
    `     * \`data: ${commentText(chatStream.terminator)}\`. The request is sent when the iteration starts; an error answer, or an event\n` +
    '     * carrying an `error` object, throws a HubApiError; `break` closes the connection.\n' +
    '     */\n' +
    `    ${chatStream.name}(body: ${chatStream.bodyType} & { stream?: true }, init?: RequestExtras): AsyncGenerator<ChatCompletionChunk, void, undefined>;\n`
  );
}

/** `fetchTask` and `waitForTask` of the Midjourney task endpoint. */
function midjourneyMembers(midjourneyTask: NonNullable<CometFeatures['midjourneyTask']>): string {
  const d = RUNTIME_DEFAULTS;
  return (
    `    /** \`GET ${midjourneyTask.path}\`: the task's state. */\n` +
    `    fetchTask(id: string, init?: RequestExtras): Promise<FetchResponse<${pathsAccess(midjourneyTask.path, 'get')}, {}, "application/json">>;\n` +
    '    /**\n' +
    `     * Poll \`GET ${midjourneyTask.path}\` until the task is ${midjourneyTask.terminal.join(' or ')} and return it (check\n` +
    `     * \`status\` and \`failReason\`). An error answer rejects with a HubApiError. Polls every ${d.taskPollInterval} ms, then\n` +
    `     * 1.5 times longer each time, up to ${d.taskMaxPollInterval} ms. \`signal: AbortSignal.timeout(ms)\` bounds the wait.\n` +
    '     */\n' +
    '    waitForTask(id: string, options?: MidjourneyWaitOptions): Promise<MidjourneyTask & { status: MidjourneyFinalStatus }>;\n'
  );
}

/** `tasks.wait` and `tasks.run`, over every operation with an `x-hub-poll` link. */
const TASKS_MEMBERS =
  '    /**\n' +
  "     * Poll a submitted task (by its submit operationId and the submit's answer) until its status is one of the\n" +
  "     * document's `done` statuses (compared case-insensitively): resolves with the last state and the result.\n" +
  '     * A `failed` status rejects with a HubTaskError, an error answer with a HubApiError; `signal` bounds the wait.\n' +
  '     */\n' +
  '    wait<Id extends CometTaskId>(operationId: Id, submitted: CometTaskMap[Id]["submitted"], options?: CometTaskWaitOptions<Id>): Promise<CometTaskOutcome<Id>>;\n' +
  '    /** Submit (the body as the operation takes it; `path` fills path parameters), then `wait`. */\n' +
  '    run<Id extends CometTaskId>(operationId: Id, body: CometTaskMap[Id]["body"], options?: CometTaskWaitOptions<Id> & { path?: Record<string, string> }): Promise<CometTaskOutcome<Id>>;\n';

/** A TypeScript identifier for a path parameter name (`model` stays, `task-id` becomes `task_id`). */
function safeName(name: string): string {
  const id = name.replace(/[^A-Za-z0-9_$]/g, '_');
  return /^[0-9]/.test(id) ? `_${id}` : id;
}

/** The JSON 2xx answer type of an operation (200 first), or `unknown`. */
function answerType(doc: Record<string, unknown>, ref: OperationRef): string {
  for (const status of ['200', '201', '202']) {
    if (hasJsonResponse(doc, ref, status)) return responseType(ref.path, ref.method, Number(status));
  }
  return 'unknown';
}

/**
 * The type of the value at a JSON pointer of a poll answer, as indexed accesses
 * (`NonNullable<T>["data"]`, `[number]` for array items), when the schema shows the
 * way through plain `properties` and `items`; `unknown` otherwise.
 */
function pointerType(doc: Record<string, unknown>, ref: OperationRef, base: string, ptr: string): string {
  if (base === 'unknown') return 'unknown';
  if (ptr === '') return base;
  let schema: unknown = deref(doc, jsonSchemaOf(doc, ref));
  let type = base;
  for (const raw of ptr.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(schema)) return 'unknown';
    if (isObject(schema.properties) && schema.properties[key] !== undefined) {
      schema = deref(doc, schema.properties[key]);
      type = `NonNullable<${type}>[${stringLiteral(key)}]`;
    } else if (/^\d+$/.test(key) && schema.items !== undefined) {
      schema = deref(doc, schema.items);
      type = `NonNullable<${type}>[number]`;
    } else {
      return 'unknown';
    }
  }
  return type;
}

function jsonSchemaOf(doc: Record<string, unknown>, ref: OperationRef): unknown {
  const response = responseObject(doc, ref, '200');
  const content = response && isObject(response.content) ? response.content[JSON_MEDIA_TYPE] : undefined;
  return isObject(content) ? content.schema : undefined;
}

/** `CometTaskMap` (every operation with an \`x-hub-poll\` link) and the poller's types. */
function emitTaskTypes(features: CometFeatures, doc: Record<string, unknown>): string {
  let out = '\n/** A task that ended in a `done` status: its last polled state, the status as sent, and the result. */\n';
  out +=
    'export interface CometTaskOutcome<Id extends CometTaskId> {\n  task: CometTaskMap[Id]["task"];\n  status: string;\n  result: CometTaskMap[Id]["result"];\n}\n';
  out += '\nexport interface CometTaskWaitOptions<Id extends CometTaskId> extends PollOptions {\n';
  out += '  /** Called with every polled state of the task. */\n  onTaskUpdate?: (task: CometTaskMap[Id]["task"]) => void;\n}\n';
  out += '\n/**\n * Every Comet task of the document, by the operationId of its submit: the submit body and answer, the polled\n';
  out += ' * task and its result (`x-hub-poll`: the poll operation, status pointer, done/failed statuses, result pointer).\n */\n';
  out += 'export interface CometTaskMap {\n';
  for (const t of features.tasks) {
    const p = t.descriptor;
    const media = t.form ? FORM_MEDIA_TYPE : JSON_MEDIA_TYPE;
    const task = answerType(doc, t.poll);
    out += jsDoc(
      `${t.submit.method.toUpperCase()} ${t.submit.path}, polled by ${p.method.toUpperCase()} ${p.path} until ${p.done.join('|')}${p.failed.length > 0 ? ` (fails on ${p.failed.join('|')})` : ''}`,
      '  ',
    );
    out += `  ${stringLiteral(t.operationId)}: {\n`;
    out += `    body: ${requestBodyType(t.submit.path, t.submit.method, media)};\n`;
    out += `    submitted: ${answerType(doc, t.submit)};\n`;
    out += `    task: ${task};\n`;
    out += `    result: ${p.result === undefined ? task : pointerType(doc, t.poll, task, p.result)};\n`;
    out += '  };\n';
  }
  out += '}\n\nexport type CometTaskId = keyof CometTaskMap;\n';
  return out;
}

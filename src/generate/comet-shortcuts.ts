import type { Diagnostic } from '../core/diagnostic.js';
import { isObject } from '../core/json.js';
import { childPointer, pointer, resolvePointer, unescapeSegment } from '../core/pointer.js';
import type { HttpMethod, Inventory, OperationRef } from './operations.js';
import { deref, hasJsonResponse, JSON_MEDIA_TYPE, operation, responseObject } from './operations.js';
import type { PollDescriptor } from './runtime/tasks.js';
import { taskLinks, type TaskLink } from './task-links.js';

/**
 * Convenience methods on the Comet client, e.g. `comet.chat.completions(body)`
 * for `POST /v1/chat/completions`. Each is generated only when the document
 * has the operation with a JSON request body, so the generated types always
 * resolve. More shortcuts are rows here.
 */
export interface CometShortcut {
  /** `comet.<group>.<name>(body, init?)` */
  group: string;
  name: string;
  method: HttpMethod;
  path: string;
  /** Name of the exported request-body type in client.d.ts. */
  bodyType: string;
  /** Path parameters, passed before the body in this order (`comet.gemini.generateContent(model, body)`). */
  pathParams?: readonly string[];
}

/** A shortcut the document supports: its body's media type, and its task link when it has one. */
export interface ResolvedShortcut extends CometShortcut {
  media: typeof JSON_MEDIA_TYPE | typeof FORM_MEDIA_TYPE;
  /** The submit's operationId when the operation has a usable `x-hub-poll`: `<name>AndWait` is generated. */
  task?: string;
}

export const COMET_SHORTCUTS: readonly CometShortcut[] = [
  { group: 'chat', name: 'completions', method: 'post', path: '/v1/chat/completions', bodyType: 'CometChatCompletionsBody' },
  { group: 'images', name: 'generate', method: 'post', path: '/v1/images/generations', bodyType: 'CometImagesGenerateBody' },
  { group: 'embeddings', name: 'create', method: 'post', path: '/v1/embeddings', bodyType: 'CometEmbeddingsBody' },
  { group: 'midjourney', name: 'imagine', method: 'post', path: '/mj/submit/imagine', bodyType: 'MidjourneyImagineBody' },
  { group: 'midjourney', name: 'action', method: 'post', path: '/mj/submit/action', bodyType: 'MidjourneyActionBody' },
  { group: 'responses', name: 'create', method: 'post', path: '/v1/responses', bodyType: 'CometResponsesBody' },
  { group: 'messages', name: 'create', method: 'post', path: '/v1/messages', bodyType: 'AnthropicMessagesBody' },
  {
    group: 'gemini',
    name: 'generateContent',
    method: 'post',
    path: '/v1beta/models/{model}:generateContent',
    bodyType: 'GeminiGenerateContentBody',
    pathParams: ['model'],
  },
  { group: 'videos', name: 'create', method: 'post', path: '/v1/videos', bodyType: 'CometVideosCreateBody' },
  { group: 'suno', name: 'music', method: 'post', path: '/suno/submit/music', bodyType: 'SunoMusicBody' },
  { group: 'kling', name: 'text2video', method: 'post', path: '/kling/v1/videos/text2video', bodyType: 'KlingText2VideoBody' },
  { group: 'kling', name: 'image2video', method: 'post', path: '/kling/v1/videos/image2video', bodyType: 'KlingImage2VideoBody' },
  { group: 'runway', name: 'imageToVideo', method: 'post', path: '/runwayml/v1/image_to_video', bodyType: 'RunwayImageToVideoBody' },
  { group: 'runway', name: 'videoToVideo', method: 'post', path: '/runwayml/v1/video_to_video', bodyType: 'RunwayVideoToVideoBody' },
];

/** `comet.chat.stream(body)`: the same operation as `chat.completions`, answered as server-sent events. */
export interface SseShortcut {
  group: 'chat';
  name: 'stream';
  method: 'post';
  path: string;
  /** The shortcut whose body type it shares (`chat.completions`). */
  bodyType: string;
  /** Name in `components.schemas` of one event's JSON (`x-hub-sse-data-schema`). */
  chunkSchema: string;
  /** The `data:` value that ends the stream (`x-hub-sse-terminator`, default `[DONE]`). */
  terminator: string;
}

/** `comet.midjourney.fetchTask(id)` / `waitForTask(id)` over `GET /mj/task/{id}/fetch`. */
export interface TaskPolling {
  group: 'midjourney';
  path: string;
  /** Statuses that end `waitForTask` (docs/provider-apis.md §2.2). */
  terminal: readonly string[];
  /** The same poll for the runtime's generic poller (the task id as `result` of a submit answer). */
  descriptor: PollDescriptor;
}

export interface CometFeatures {
  shortcuts: ResolvedShortcut[];
  chatStream?: SseShortcut;
  midjourneyTask?: TaskPolling;
  /** Every operation with a usable `x-hub-poll`: `comet.tasks.wait` / `run`. */
  tasks: TaskLink[];
  diagnostics: Diagnostic[];
}

export const SSE_MEDIA_TYPE = 'text/event-stream';
export const FORM_MEDIA_TYPE = 'multipart/form-data';
const CHAT_PATH = '/v1/chat/completions';
const MIDJOURNEY_TASK_PATH = '/mj/task/{id}/fetch';

/** Which shortcuts the document supports; a helper it cannot type is left out with a warning. */
export function cometFeatures(doc: Record<string, unknown>, inventory: Inventory, file?: string): CometFeatures {
  const diagnostics: Diagnostic[] = [];
  const find = (path: string, method: HttpMethod): OperationRef | undefined => inventory.comet.find((o) => o.path === path && o.method === method);
  const { links, diagnostics: linkProblems } = taskLinks(doc, inventory.comet, file);
  diagnostics.push(...linkProblems);
  const shortcuts: ResolvedShortcut[] = [];
  for (const s of COMET_SHORTCUTS) {
    const op = find(s.path, s.method);
    if (op === undefined) continue;
    const content = deref(doc, operation(doc, op)?.requestBody);
    const media = isObject(content) && isObject(content.content) ? content.content : {};
    const type = isObject(media[JSON_MEDIA_TYPE]) ? JSON_MEDIA_TYPE : isObject(media[FORM_MEDIA_TYPE]) ? FORM_MEDIA_TYPE : undefined;
    if (type === undefined) continue;
    const task = links.find((l) => l.submit.path === s.path && l.submit.method === s.method)?.operationId;
    shortcuts.push({ ...s, media: type, ...(task === undefined ? {} : { task }) });
  }
  const features: CometFeatures = { shortcuts, tasks: links, diagnostics };

  const chat = shortcuts.find((s) => s.path === CHAT_PATH);
  const chatOp = find(CHAT_PATH, 'post');
  if (chat && chatOp) {
    const sse = sseSchema(doc, chatOp);
    if (sse.ok) {
      features.chatStream = {
        group: 'chat',
        name: 'stream',
        method: 'post',
        path: CHAT_PATH,
        bodyType: chat.bodyType,
        chunkSchema: sse.schema,
        terminator: sse.terminator,
      };
    } else if (sse.reason !== undefined) {
      diagnostics.push({
        ruleId: 'generate-sse-schema',
        severity: 'warn',
        message: `comet.chat.stream is left out of the client: ${sse.reason}`,
        pointer: sse.pointer,
        ...(file === undefined ? {} : { file }),
        suggestion: "give the text/event-stream schema `x-hub-sse-data-schema: { $ref: '#/components/schemas/<Chunk>' }`",
      });
    }
  }

  const task = find(MIDJOURNEY_TASK_PATH, 'get');
  if (task && hasJsonResponse(doc, task, '200')) {
    features.midjourneyTask = {
      group: 'midjourney',
      path: MIDJOURNEY_TASK_PATH,
      terminal: ['SUCCESS', 'FAILURE'],
      descriptor: {
        method: 'get',
        path: MIDJOURNEY_TASK_PATH,
        parameters: { id: ['path', '/result'] },
        status: '/status',
        done: ['SUCCESS'],
        failed: ['FAILURE'],
      },
    };
  }
  return features;
}

type SseResult = { ok: true; schema: string; terminator: string } | { ok: false; reason?: string; pointer: string };

/**
 * The chunk schema of a `text/event-stream` 200 response (OAS 3.1 §4.8.17
 * Response Object, `content`): the hub's `x-hub-sse-data-schema` extension
 * names the JSON carried by each `data:` line. No event-stream content means
 * no stream helper, silently; event-stream content the types cannot name is a warning.
 */
function sseSchema(doc: Record<string, unknown>, op: OperationRef): SseResult {
  const response = responseObject(doc, op, '200');
  const media = response && isObject(response.content) ? response.content[SSE_MEDIA_TYPE] : undefined;
  const mediaPtr = pointer('paths', op.path, op.method, 'responses', '200', 'content', SSE_MEDIA_TYPE);
  if (!isObject(media)) return { ok: false, pointer: mediaPtr };
  const schema = deref(doc, media.schema);
  const ext = isObject(schema) ? schema['x-hub-sse-data-schema'] : undefined;
  const ptr = childPointer(mediaPtr, 'schema', 'x-hub-sse-data-schema');
  if (!isObject(ext) || typeof ext.$ref !== 'string')
    return { ok: false, reason: 'its text/event-stream schema has no `x-hub-sse-data-schema` $ref, so the chunk type is unknown', pointer: ptr };
  const m = /^#\/components\/schemas\/([^/]+)$/.exec(ext.$ref);
  const name = m?.[1] === undefined ? undefined : unescapeSegment(m[1]);
  if (name === undefined || resolvePointer(doc, ext.$ref) === undefined) {
    return {
      ok: false,
      reason: `\`x-hub-sse-data-schema\` must be a $ref to an existing #/components/schemas entry, not ${JSON.stringify(ext.$ref)}`,
      pointer: ptr,
    };
  }
  const terminator = isObject(schema) && typeof schema['x-hub-sse-terminator'] === 'string' ? schema['x-hub-sse-terminator'] : '[DONE]';
  return { ok: true, schema: name, terminator };
}

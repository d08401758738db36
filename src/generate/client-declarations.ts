import type { CometShortcut } from './comet-shortcuts.js';
import { groupShortcuts } from './client-runtime.js';
import type { FalEndpoint, Inventory } from './operations.js';
import { JSON_MEDIA_TYPE } from './operations.js';
import { jsDoc, pathsAccess, stringLiteral } from './ts-text.js';

const MEDIA = stringLiteral(JSON_MEDIA_TYPE);

/** `NonNullable<paths[P][M]["requestBody"]>["content"]["application/json"]` */
function requestBodyType(path: string, method: string): string {
  return `NonNullable<${pathsAccess(path, method)}["requestBody"]>["content"][${MEDIA}]`;
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
export function emitClientDts(header: string, inventory: Inventory, shortcuts: readonly CometShortcut[]): string {
  return `${header}import type { Client, FetchResponse } from 'openapi-fetch';
import type { paths } from './schema.js';

export declare const FAL_BASE_URL: "https://queue.fal.run";
export declare const COMET_BASE_URL: "https://api.cometapi.com";

/** What openapi-fetch calls; \`globalThis.fetch\` fits. Inject one in tests. */
export type FetchFunction = (input: Request) => Promise<Response>;

export interface ProviderOptions {
  /** FAL sends \`Authorization: Key <apiKey>\`, Comet \`Authorization: Bearer <apiKey>\`. */
  apiKey: string;
  /** Defaults to FAL_BASE_URL or COMET_BASE_URL (self-hosted gateways and tests override it). */
  baseUrl?: string;
  /** Sent with every request; an \`Authorization\` header here replaces the default one. */
  headers?: Record<string, string>;
  /** Overrides the client-wide \`fetch\`. */
  fetch?: FetchFunction;
}

export interface HubClientOptions {
  comet: ProviderOptions;
  fal: ProviderOptions;
  /** Used by both providers unless one sets its own. Defaults to \`globalThis.fetch\`. */
  fetch?: FetchFunction;
}

/** Per-call options of the helper methods. */
export interface RequestExtras {
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

// ---------------------------------------------------------------- Comet

/** The paths served by Comet (\`x-hub-source.provider: comet\`). */
export type CometPaths = Pick<paths, ${unionOfLiterals(inventory.cometPaths)}>;
${emitShortcutTypes(shortcuts)}
// ---------------------------------------------------------------- FAL

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
}

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

function emitShortcutTypes(shortcuts: readonly CometShortcut[]): string {
  let out = '';
  for (const s of shortcuts) {
    out += `\n/** The request body of \`${s.method.toUpperCase()} ${s.path}\`. */\n`;
    out += `export type ${s.bodyType} = ${requestBodyType(s.path, s.method)};\n`;
  }
  out +=
    '\n/**\n' +
    ' * The openapi-fetch client over CometPaths (`comet.POST(path, { body })`), plus shortcuts.\n' +
    ' * Responses are typed as their `application/json` content (openapi-fetch parses JSON by default);\n' +
    ' * pass `parseAs: "stream"` for `text/event-stream`.\n' +
    ' */\n';
  out += 'export interface CometClient extends Client<CometPaths, "application/json"> {\n';
  for (const [group, members] of groupShortcuts(shortcuts)) {
    out += `  ${group}: {\n`;
    for (const s of members) {
      out += `    /** \`${s.method.toUpperCase()} ${s.path}\` */\n`;
      out += `    ${s.name}(body: ${s.bodyType}, init?: RequestExtras): Promise<FetchResponse<${pathsAccess(s.path, s.method)}, {}, "application/json">>;\n`;
    }
    out += '  };\n';
  }
  return out + '}\n';
}

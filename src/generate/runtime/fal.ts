import { FAL_BASE_URL, RUNTIME_DEFAULTS } from './defaults.js';
import { unwrap, type CallResult } from './errors.js';
import { providerClient, type DynamicClient, type ProviderOptions, type RequestExtras } from './http.js';
import { poll, type PollOptions } from './tasks.js';
import { isRecord } from './sse.js';

/** Namespaces whose endpoint ids keep a third segment in queue URLs (as fal-js does). */
const FAL_NAMESPACES = ['workflows', 'comfy'];

/** A queued request: its id, or the submit/status response that carries its URLs. */
export type FalRequestRef = string | { request_id: string; status_url?: string; response_url?: string; cancel_url?: string };

type UrlKey = 'status_url' | 'response_url' | 'cancel_url';

/**
 * Where status, result and cancel live. The URLs returned at submit are the reliable
 * source (docs/provider-apis.md §1.5): constructing them from the endpoint id breaks for
 * ids with a subpath. They are followed under the configured base URL, so the key only
 * ever goes to that host. With a bare request id, the path follows FAL's docs and fal-js:
 * the endpoint id without its subpath (fal-ai/flux/dev -> fal-ai/flux).
 */
export function queuePath(baseUrl: string, endpointId: string, request: FalRequestRef, urlKey: UrlKey, suffix: string): string {
  let id: string = typeof request === 'string' ? request : request.request_id;
  if (typeof request === 'object') {
    const url = request[urlKey];
    if (typeof url === 'string' && url !== '') {
      const base = baseUrl.replace(/\/+$/, '');
      if (url.startsWith(`${base}/`)) return url.slice(base.length).split(/[?#]/)[0] ?? '';
      return new URL(url, base).pathname;
    }
    id = request.request_id;
  }
  const parts = endpointId.split('/');
  const app = parts.slice(0, FAL_NAMESPACES.includes(parts[0] ?? '') ? 3 : 2).join('/');
  return `/${app}/requests/${encodeURIComponent(String(id))}${suffix}`;
}

/** `{ data }` on a 2xx response, `{ error }` otherwise (always an object, so `if (error)` narrows). */
export type FalCallResult = { data: unknown; response: Response } | { error: Record<string, unknown>; response: Response };

/**
 * openapi-fetch gives a non-2xx body as parsed JSON, or as text when it is not JSON.
 * FAL errors are `{ detail }` objects; anything else is wrapped the same way.
 */
async function settle(pending: Promise<CallResult>): Promise<FalCallResult> {
  const { data, error, response } = await pending;
  if (response.ok) return { data, response };
  const body = isRecord(error) ? error : { detail: error || response.statusText };
  return { error: body, response };
}

export interface FalSubscribeRuntimeOptions extends PollOptions {
  onQueueUpdate?: (status: unknown) => void;
  logs?: boolean;
}

/** The FAL client as the runtime implements it; client.d.ts types it per endpoint id. */
export interface FalRuntimeClient {
  readonly client: DynamicClient;
  submit(endpointId: string, input: unknown, init?: RequestExtras): Promise<FalCallResult>;
  status(endpointId: string, request: FalRequestRef, init?: RequestExtras & { logs?: boolean }): Promise<FalCallResult>;
  result(endpointId: string, request: FalRequestRef, init?: RequestExtras): Promise<FalCallResult>;
  cancel(endpointId: string, request: FalRequestRef, init?: RequestExtras): Promise<FalCallResult>;
  subscribe(endpointId: string, input: unknown, options?: FalSubscribeRuntimeOptions): Promise<unknown>;
}

export function createFalClient(options: ProviderOptions): FalRuntimeClient {
  const client = providerClient<object>('fal', options, FAL_BASE_URL, `Key ${options.apiKey}`);
  const baseUrl = options.baseUrl ?? FAL_BASE_URL;
  const path = (endpointId: string, request: FalRequestRef, urlKey: UrlKey, suffix: string): string => queuePath(baseUrl, endpointId, request, urlKey, suffix);
  const fal: FalRuntimeClient = {
    client,
    submit: (endpointId, input, init) => settle(client.request('post', `/${endpointId}`, { ...init, body: input })),
    status: (endpointId, request, init) => {
      const { logs, ...rest } = init ?? {};
      const params = logs === true ? { query: { logs: 1 } } : {};
      return settle(client.request('get', path(endpointId, request, 'status_url', '/status'), { ...rest, params }));
    },
    result: (endpointId, request, init) => settle(client.request('get', path(endpointId, request, 'response_url', ''), init)),
    cancel: (endpointId, request, init) => settle(client.request('put', path(endpointId, request, 'cancel_url', '/cancel'), init)),
    // Submit, poll the status (following the submit's status_url) until COMPLETED, then fetch the
    // result (its response_url). Any error answer rejects with a HubApiError; an aborted signal
    // rejects with its reason (the queued request is left as it is: fal.cancel cancels it).
    subscribe: async (endpointId, input, opts = {}) => {
      const { signal, onQueueUpdate, logs } = opts;
      const extras = signal === undefined ? {} : { signal };
      const queued = unwrap('fal', await fal.submit(endpointId, input, extras));
      const ref = queued as FalRequestRef;
      let first = true;
      await poll(
        async () => {
          const state = first ? queued : unwrap('fal', await fal.status(endpointId, ref, { ...extras, ...(logs === undefined ? {} : { logs }) }));
          first = false;
          onQueueUpdate?.(state);
          return state;
        },
        (state) => isRecord(state) && state.status === 'COMPLETED',
        opts,
        RUNTIME_DEFAULTS.falPollInterval,
        RUNTIME_DEFAULTS.falMaxPollInterval,
      );
      return unwrap('fal', await fal.result(endpointId, ref, extras));
    },
  };
  return fal;
}

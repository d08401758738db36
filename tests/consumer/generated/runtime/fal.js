/* api-hub generate: from src/generate/runtime/fal.ts; do not edit. */
import { FAL_BASE_URL, RUNTIME_DEFAULTS } from './defaults.js';
import { unwrap } from './errors.js';
import { providerClient } from './http.js';
import { poll } from './tasks.js';
import { isRecord } from './sse.js';
const FAL_NAMESPACES = ['workflows', 'comfy'];
export function queuePath(baseUrl, endpointId, request, urlKey, suffix) {
  let id = typeof request === 'string' ? request : request.request_id;
  if (typeof request === 'object') {
    const url = request[urlKey];
    if (typeof url === 'string' && url !== '') {
      const base = baseUrl.replace(/\/+$/, '');
      if (url.startsWith(`${base}/`))
        return url.slice(base.length).split(/[?#]/)[0] ?? '';
      return new URL(url, base).pathname;
    }
    id = request.request_id;
  }
  const parts = endpointId.split('/');
  const app = parts.slice(0, FAL_NAMESPACES.includes(parts[0] ?? '') ? 3 : 2).join('/');
  return `/${app}/requests/${encodeURIComponent(String(id))}${suffix}`;
}
async function settle(pending) {
  const { data, error, response } = await pending;
  if (response.ok)
    return { data, response };
  const body = isRecord(error) ? error : { detail: error || response.statusText };
  return { error: body, response };
}
export function createFalClient(options) {
  const client = providerClient('fal', options, FAL_BASE_URL, `Key ${options.apiKey}`);
  const baseUrl = options.baseUrl ?? FAL_BASE_URL;
  const path = (endpointId, request, urlKey, suffix) => queuePath(baseUrl, endpointId, request, urlKey, suffix);
  const fal = {
    client,
    submit: (endpointId, input, init) => settle(client.request('post', `/${endpointId}`, { ...init, body: input })),
    status: (endpointId, request, init) => {
      const { logs, ...rest } = init ?? {};
      const params = logs === true ? { query: { logs: 1 } } : {};
      return settle(client.request('get', path(endpointId, request, 'status_url', '/status'), { ...rest, params }));
    },
    result: (endpointId, request, init) => settle(client.request('get', path(endpointId, request, 'response_url', ''), init)),
    cancel: (endpointId, request, init) => settle(client.request('put', path(endpointId, request, 'cancel_url', '/cancel'), init)),
    subscribe: async (endpointId, input, opts = {}) => {
      const { signal, onQueueUpdate, logs } = opts;
      const extras = signal === undefined ? {} : { signal };
      const queued = unwrap('fal', await fal.submit(endpointId, input, extras));
      const ref = queued;
      let first = true;
      await poll(async () => {
        const state = first ? queued : unwrap('fal', await fal.status(endpointId, ref, { ...extras, ...(logs === undefined ? {} : { logs }) }));
        first = false;
        onQueueUpdate?.(state);
        return state;
      }, (state) => isRecord(state) && state.status === 'COMPLETED', opts, RUNTIME_DEFAULTS.falPollInterval, RUNTIME_DEFAULTS.falMaxPollInterval);
      return unwrap('fal', await fal.result(endpointId, ref, extras));
    },
  };
  return fal;
}

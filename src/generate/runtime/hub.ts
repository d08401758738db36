import { createFalClient, type FalRuntimeClient } from './fal.js';
import type { FetchFunction, ProviderOptions, RetryOptions } from './http.js';

export interface HubClientOptions {
  comet: ProviderOptions;
  fal: ProviderOptions;
  /** Used by both providers unless one sets its own. Defaults to `globalThis.fetch`. */
  fetch?: FetchFunction;
  /** Used by both providers unless one sets its own. */
  retry?: RetryOptions | false;
}

/** Both clients, with the shared `fetch` and `retry`; `createComet` is the document's Comet client. */
export function createHubClient<C>(options: HubClientOptions, createComet: (options: ProviderOptions) => C): { comet: C; fal: FalRuntimeClient } {
  const shared = { ...(options.fetch === undefined ? {} : { fetch: options.fetch }), ...(options.retry === undefined ? {} : { retry: options.retry }) };
  return {
    comet: createComet({ ...shared, ...options.comet }),
    fal: createFalClient({ ...shared, ...options.fal }),
  };
}

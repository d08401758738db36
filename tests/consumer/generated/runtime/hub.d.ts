/* api-hub generate: from src/generate/runtime/hub.ts; do not edit. */
import { type FalRuntimeClient } from './fal.js';
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
export declare function createHubClient<C>(options: HubClientOptions, createComet: (options: ProviderOptions) => C): {
    comet: C;
    fal: FalRuntimeClient;
};

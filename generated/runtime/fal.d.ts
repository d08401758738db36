/* api-hub generate: from src/generate/runtime/fal.ts; do not edit. */
import { type DynamicClient, type ProviderOptions, type RequestExtras } from './http.js';
import { type PollOptions } from './tasks.js';
/** A queued request: its id, or the submit/status response that carries its URLs. */
export type FalRequestRef = string | {
    request_id: string;
    status_url?: string;
    response_url?: string;
    cancel_url?: string;
};
type UrlKey = 'status_url' | 'response_url' | 'cancel_url';
/**
 * Where status, result and cancel live. The URLs returned at submit are the reliable
 * source (docs/provider-apis.md §1.5): constructing them from the endpoint id breaks for
 * ids with a subpath. They are followed under the configured base URL, so the key only
 * ever goes to that host. With a bare request id, the path follows FAL's docs and fal-js:
 * the endpoint id without its subpath (fal-ai/flux/dev -> fal-ai/flux).
 */
export declare function queuePath(baseUrl: string, endpointId: string, request: FalRequestRef, urlKey: UrlKey, suffix: string): string;
/** `{ data }` on a 2xx response, `{ error }` otherwise (always an object, so `if (error)` narrows). */
export type FalCallResult = {
    data: unknown;
    response: Response;
} | {
    error: Record<string, unknown>;
    response: Response;
};
export interface FalSubscribeRuntimeOptions extends PollOptions {
    onQueueUpdate?: (status: unknown) => void;
    logs?: boolean;
}
/** The FAL client as the runtime implements it; client.d.ts types it per endpoint id. */
export interface FalRuntimeClient {
    readonly client: DynamicClient;
    submit(endpointId: string, input: unknown, init?: RequestExtras): Promise<FalCallResult>;
    status(endpointId: string, request: FalRequestRef, init?: RequestExtras & {
        logs?: boolean;
    }): Promise<FalCallResult>;
    result(endpointId: string, request: FalRequestRef, init?: RequestExtras): Promise<FalCallResult>;
    cancel(endpointId: string, request: FalRequestRef, init?: RequestExtras): Promise<FalCallResult>;
    subscribe(endpointId: string, input: unknown, options?: FalSubscribeRuntimeOptions): Promise<unknown>;
}
export declare function createFalClient(options: ProviderOptions): FalRuntimeClient;
export {};

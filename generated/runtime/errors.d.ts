/* api-hub generate: from src/generate/runtime/errors.ts; do not edit. */
export type Provider = 'fal' | 'comet';
export interface HubApiErrorInit<Body> {
    provider: Provider;
    response: Response;
    body: Body;
    message?: string;
}
/** A provider answered with an error status (or reported an error inside a stream or a task). */
export declare class HubApiError<Body = unknown> extends Error {
    readonly name: 'HubApiError';
    readonly provider: Provider;
    /** The HTTP status (200 for an error reported inside a stream). */
    readonly status: number;
    /** The parsed JSON body, or its text when it is not JSON. */
    readonly body: Body;
    readonly response: Response;
    constructor(init: HubApiErrorInit<Body>);
}
/** `: <the body>`, cut at 300 characters; nothing for an empty body. */
export declare function summary(body: unknown): string;
/** What an openapi-fetch call (or a FAL helper) resolves to. */
export interface CallResult {
    data?: unknown;
    error?: unknown;
    response: Response;
}
/** The data of a result, or a HubApiError. */
export declare function unwrap(provider: Provider, result: CallResult): unknown;

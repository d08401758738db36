/* api-hub generate: from src/generate/runtime/sse.ts; do not edit. */
import { type CallResult, type Provider } from './errors.js';
/**
 * Server-sent events (HTML Living Standard §9.2.6): "data:" lines joined by "\n", one event
 * per blank line; comments and other fields are skipped. A last event without its blank
 * line is still delivered.
 */
export declare function sseEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<string, void, undefined>;
/**
 * A stream of JSON events, ending at the terminator (e.g. [DONE]). An event whose JSON has
 * a top-level "error" object (how OpenAI-compatible servers fail mid-stream) throws.
 * The request is sent when the iteration starts (send is a function), so a stream that is never
 * read sends nothing and leaves no unhandled rejection.
 */
export declare function jsonEvents(provider: Provider, send: () => Promise<CallResult>, terminator: string): AsyncGenerator<unknown, void, undefined>;
export declare function isRecord(value: unknown): value is Record<string, unknown>;

/* api-hub generate: from src/generate/runtime/comet.ts; do not edit. */
import { type DynamicClient, type ProviderOptions } from './http.js';
import { type PollDescriptor } from './tasks.js';
/** `comet.<group>.<name>(...pathArgs, body, init?)` sends `<method> <path>`. */
export interface ShortcutRow {
    group: string;
    name: string;
    method: string;
    path: string;
    /** Path parameters, passed first in this order. */
    pathParams?: readonly string[];
    /** The body is `multipart/form-data`: an object becomes a FormData (Blobs as files). */
    form?: boolean;
    /** The operation is a task with an `x-hub-poll` link: `<name>AndWait` submits and waits. */
    task?: string;
}
/** A task submit operation of the document (keyed by its operationId in `tasks`). */
export interface TaskRow {
    method: string;
    path: string;
    form?: boolean;
    poll: PollDescriptor;
}
/** What the document gives the Comet client: written into client.js by `api-hub generate`. */
export interface CometTable {
    shortcuts: readonly ShortcutRow[];
    /** `comet.<group>.<name>(body, init?)`: the same operation with `stream: true`, as server-sent events. */
    stream?: {
        group: string;
        name: string;
        method: string;
        path: string;
        terminator: string;
    };
    /** Every operation with an `x-hub-poll` link, by operationId: `comet.tasks.wait` / `comet.tasks.run`. */
    tasks?: Readonly<Record<string, TaskRow>>;
    /** `comet.<group>.fetchTask(id)` / `waitForTask(id)`: Midjourney's poll by task id. */
    midjourneyTask?: {
        group: string;
        poll: PollDescriptor;
    };
}
type Member = (...args: never[]) => unknown;
/** An object as multipart/form-data: Blobs as files, arrays as repeated fields, other values as text. */
export declare function formData(body: unknown): unknown;
/** The openapi-fetch client over Comet's paths, with the document's shortcuts and task polling. */
export declare function createCometClient(options: ProviderOptions, table: CometTable): DynamicClient & Record<string, Record<string, Member>>;
export {};

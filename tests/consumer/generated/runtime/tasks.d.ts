/* api-hub generate: from src/generate/runtime/tasks.ts; do not edit. */
import { HubApiError } from './errors.js';
import type { CallInit, DynamicClient } from './http.js';
/** Options of the helpers that poll until a job ends. */
export interface PollOptions {
    /** Stops the polling (and the request in flight): the promise rejects with the signal's reason. */
    signal?: AbortSignal;
    /** First wait between polls in ms; each next wait is 1.5 times longer. */
    pollInterval?: number;
    /** Longest wait between polls in ms. */
    maxPollInterval?: number;
}
/** Call `step()` until `done(value)`; the waits start at `pollInterval` and grow x1.5 up to `maxPollInterval`. */
export declare function poll<T>(step: () => Promise<T>, done: (value: T) => boolean, options: PollOptions, interval: number, maxInterval: number): Promise<T>;
/**
 * How to follow a task, from the submit operation's `x-hub-poll` in the
 * document (written into client.js by `api-hub generate`): the poll
 * operation, where its parameters and body fields come from in the submit's
 * answer (JSON pointers), where the status is, which statuses end the task
 * (compared case-insensitively: Comet's families answer `SUCCESS` or
 * `succeed` or `completed`), where the result is, and the poll interval.
 */
export interface PollDescriptor {
    method: string;
    path: string;
    /** Parameter name -> where it goes and the JSON pointer of its value in the submit's answer. */
    parameters?: Readonly<Record<string, readonly [where: 'path' | 'query' | 'header', pointer: string]>>;
    /** Body field -> the JSON pointer of its value in the submit's answer (tasks polled by POST). */
    requestBody?: Readonly<Record<string, string>>;
    /** JSON pointer of the status in the poll answer. */
    status: string;
    done: readonly string[];
    failed: readonly string[];
    /** JSON pointer of the result in the poll answer (the whole answer when absent). */
    result?: string;
    /** Seconds between polls the provider recommends. */
    interval?: number;
}
export interface TaskWaitOptions extends PollOptions {
    /** Called with every polled state of the task. */
    onTaskUpdate?: (task: unknown) => void;
}
/** A task that ended in one of its `failed` statuses (the HTTP answer itself was a success). */
export declare class HubTaskError<Task = unknown> extends HubApiError<Task> {
    /** The status as the provider spelled it. */
    readonly taskStatus: string;
    constructor(response: Response, task: Task, taskStatus: string);
}
/** How a task ended: its last polled state, its status and its result. */
export interface TaskOutcome {
    task: unknown;
    status: string;
    result: unknown;
}
/** RFC 6901: the value at `ptr` in `value`, or undefined. */
export declare function atPointer(value: unknown, ptr: string): unknown;
/** The poll request of a task, filled from the submit's answer. */
export declare function pollInit(descriptor: PollDescriptor, submitted: unknown): CallInit;
/**
 * Poll a task until its status is one of `done` (resolves with the outcome) or
 * `failed` (rejects with a HubTaskError; with `returnFailed` it resolves). An
 * error answer rejects with a HubApiError (after the retry policy's repeats);
 * the signal ends the wait. Statuses match case-insensitively; an unknown
 * status keeps polling.
 */
export declare function waitForTask(client: DynamicClient, descriptor: PollDescriptor, submitted: unknown, options?: TaskWaitOptions, returnFailed?: boolean): Promise<TaskOutcome>;

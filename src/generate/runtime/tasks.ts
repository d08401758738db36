import { RUNTIME_DEFAULTS } from './defaults.js';
import { HubApiError, summary, unwrap } from './errors.js';
import type { CallInit, DynamicClient } from './http.js';
import { sleep } from '../../core/retry.js';
import { isRecord } from './sse.js';

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
export async function poll<T>(step: () => Promise<T>, done: (value: T) => boolean, options: PollOptions, interval: number, maxInterval: number): Promise<T> {
  let wait = options.pollInterval ?? interval;
  const max = Math.max(wait, options.maxPollInterval ?? maxInterval);
  for (;;) {
    const value = await step();
    if (done(value)) return value;
    await sleep(wait, options.signal);
    wait = Math.min(wait * 1.5, max);
  }
}

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
export class HubTaskError<Task = unknown> extends HubApiError<Task> {
  /** The status as the provider spelled it. */
  readonly taskStatus: string;
  constructor(response: Response, task: Task, taskStatus: string) {
    super({ provider: 'comet', response, body: task, message: `comet: the task ended with status ${taskStatus}${summary(task)}` });
    this.taskStatus = taskStatus;
  }
}

/** How a task ended: its last polled state, its status and its result. */
export interface TaskOutcome {
  task: unknown;
  status: string;
  result: unknown;
}

/** RFC 6901: the value at `ptr` in `value`, or undefined. */
export function atPointer(value: unknown, ptr: string): unknown {
  if (ptr === '') return value;
  let here: unknown = value;
  for (const raw of ptr.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(here)) here = /^(0|[1-9]\d*)$/.test(key) ? here[Number(key)] : undefined;
    else if (isRecord(here)) here = Object.prototype.hasOwnProperty.call(here, key) ? here[key] : undefined;
    else return undefined;
  }
  return here;
}

/** The poll request of a task, filled from the submit's answer. */
export function pollInit(descriptor: PollDescriptor, submitted: unknown): CallInit {
  const from = (name: string, ptr: string): unknown => {
    const value = atPointer(submitted, ptr);
    if (value === undefined || value === null) throw new TypeError(`comet: no ${name} at ${ptr} in the submit answer${summary(submitted)}`);
    return value;
  };
  const path: Record<string, unknown> = {};
  const query: Record<string, unknown> = {};
  const headers: Record<string, string> = {};
  for (const [name, [where, ptr]] of Object.entries(descriptor.parameters ?? {})) {
    const value = from(name, ptr);
    if (where === 'path') path[name] = value;
    else if (where === 'query') query[name] = value;
    else headers[name] = String(value);
  }
  const init: CallInit = { params: { path, query }, headers };
  if (descriptor.requestBody) init.body = Object.fromEntries(Object.entries(descriptor.requestBody).map(([field, ptr]) => [field, from(field, ptr)]));
  return init;
}

/**
 * Poll a task until its status is one of `done` (resolves with the outcome) or
 * `failed` (rejects with a HubTaskError; with `returnFailed` it resolves). An
 * error answer rejects with a HubApiError (after the retry policy's repeats);
 * the signal ends the wait. Statuses match case-insensitively; an unknown
 * status keeps polling.
 */
export async function waitForTask(
  client: DynamicClient,
  descriptor: PollDescriptor,
  submitted: unknown,
  options: TaskWaitOptions = {},
  returnFailed = false,
): Promise<TaskOutcome> {
  const init = pollInit(descriptor, submitted);
  if (options.signal !== undefined) init.signal = options.signal;
  const done = new Set(descriptor.done.map((s) => s.toLowerCase()));
  const failed = new Set(descriptor.failed.map((s) => s.toLowerCase()));
  const first = descriptor.interval === undefined ? RUNTIME_DEFAULTS.taskPollInterval : descriptor.interval * 1000;
  let response: Response | undefined;
  const statusOf = (task: unknown): string => {
    const s = atPointer(task, descriptor.status);
    return typeof s === 'string' || typeof s === 'number' ? String(s) : '';
  };
  const task = await poll(
    async () => {
      const result = await client.request(descriptor.method, descriptor.path, init);
      response = result.response;
      const state = unwrap('comet', result);
      options.onTaskUpdate?.(state);
      return state;
    },
    (state) => {
      const s = statusOf(state).toLowerCase();
      return done.has(s) || failed.has(s);
    },
    {
      ...options,
      pollInterval: options.pollInterval ?? first,
      maxPollInterval: options.maxPollInterval ?? Math.max(first, RUNTIME_DEFAULTS.taskMaxPollInterval),
    },
    first,
    RUNTIME_DEFAULTS.taskMaxPollInterval,
  );
  const status = statusOf(task);
  if (failed.has(status.toLowerCase()) && !returnFailed && response !== undefined) throw new HubTaskError(response, task, status);
  return { task, status, result: descriptor.result === undefined ? task : atPointer(task, descriptor.result) };
}

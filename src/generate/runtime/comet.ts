import { COMET_BASE_URL } from './defaults.js';
import { unwrap, type CallResult } from './errors.js';
import { providerClient, type CallInit, type DynamicClient, type ProviderOptions, type RequestExtras } from './http.js';
import { isRecord, jsonEvents } from './sse.js';
import { waitForTask, type PollDescriptor, type TaskOutcome, type TaskWaitOptions } from './tasks.js';

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
  stream?: { group: string; name: string; method: string; path: string; terminator: string };
  /** Every operation with an `x-hub-poll` link, by operationId: `comet.tasks.wait` / `comet.tasks.run`. */
  tasks?: Readonly<Record<string, TaskRow>>;
  /** `comet.<group>.fetchTask(id)` / `waitForTask(id)`: Midjourney's poll by task id. */
  midjourneyTask?: { group: string; poll: PollDescriptor };
}

type Member = (...args: never[]) => unknown;

/** An object as multipart/form-data: Blobs as files, arrays as repeated fields, other values as text. */
export function formData(body: unknown): unknown {
  if (!isRecord(body) || body instanceof FormData) return body;
  const form = new FormData();
  for (const [key, value] of Object.entries(body)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      if (item instanceof Blob) form.append(key, item);
      else form.append(key, typeof item === 'object' ? JSON.stringify(item) : String(item));
    }
  }
  return form;
}

/** The openapi-fetch client over Comet's paths, with the document's shortcuts and task polling. */
export function createCometClient(options: ProviderOptions, table: CometTable): DynamicClient & Record<string, Record<string, Member>> {
  const client = providerClient<object>('comet', options, COMET_BASE_URL, `Bearer ${options.apiKey}`);
  const groups: Record<string, Record<string, Member>> = {};
  const add = (group: string, name: string, member: Member): void => {
    groups[group] = { ...groups[group], [name]: member };
  };
  const tasks = table.tasks ?? {};
  const send = (method: string, path: string, form: boolean | undefined, body: unknown, init: CallInit | undefined): Promise<CallResult> =>
    client.request(method, path, { ...init, body: form === true ? formData(body) : body });
  const taskOf = (operationId: string): TaskRow => {
    const row = tasks[operationId];
    if (row === undefined) throw new TypeError(`comet: ${operationId} is not a task operation of the document (no x-hub-poll)`);
    return row;
  };
  const wait = async (operationId: string, submitted: unknown, opts?: TaskWaitOptions): Promise<TaskOutcome> =>
    waitForTask(client, taskOf(operationId).poll, submitted, opts);
  const run = async (operationId: string, body: unknown, opts: TaskWaitOptions & { path?: Record<string, unknown> } = {}): Promise<TaskOutcome> => {
    const row = taskOf(operationId);
    const { path, ...waitOptions } = opts;
    const init: CallInit = { params: { path: path ?? {} }, ...(opts.signal === undefined ? {} : { signal: opts.signal }) };
    const submitted = unwrap('comet', await send(row.method, row.path, row.form, body, init));
    return waitForTask(client, row.poll, submitted, waitOptions);
  };
  add('tasks', 'wait', wait);
  add('tasks', 'run', run);

  for (const s of table.shortcuts) {
    const params = s.pathParams ?? [];
    // (...pathArgs, body, init): the path parameters come first, in the row's order.
    const split = (args: unknown[]): { path: Record<string, unknown>; body: unknown; rest: unknown } => ({
      path: Object.fromEntries(params.map((p, i) => [p, args[i]])),
      body: args[params.length],
      rest: args[params.length + 1],
    });
    add(s.group, s.name, (...args: unknown[]) => {
      const { path, body, rest } = split(args);
      const init = (rest ?? {}) as RequestExtras;
      return send(s.method, s.path, s.form, body, { ...init, params: { path } });
    });
    const task = s.task;
    if (task !== undefined) {
      add(s.group, `${s.name}AndWait`, (...args: unknown[]) => {
        const { path, body, rest } = split(args);
        return run(task, body, { ...((rest ?? {}) as TaskWaitOptions), path });
      });
    }
  }
  const stream = table.stream;
  if (stream) {
    add(stream.group, stream.name, (body: Record<string, unknown>, init?: RequestExtras) =>
      jsonEvents(
        'comet',
        () =>
          client.request(stream.method, stream.path, {
            ...init,
            body: { ...body, stream: true },
            headers: { Accept: 'text/event-stream', ...init?.headers },
            parseAs: 'stream',
          }),
        stream.terminator,
      ),
    );
  }
  const mj = table.midjourneyTask;
  if (mj) {
    // fetchTask(id) / waitForTask(id): the generic poller with the task id as the "submit answer".
    const fetchTask = (id: string, init?: RequestExtras): Promise<CallResult> =>
      client.request(mj.poll.method, mj.poll.path, { ...init, params: { path: { id } } });
    add(mj.group, 'fetchTask', fetchTask);
    add(mj.group, 'waitForTask', async (id: string, opts: TaskWaitOptions = {}) => (await waitForTask(client, mj.poll, { result: id }, opts, true)).task);
  }
  return Object.assign(client, groups);
}

import { COMET_BASE_URL, RUNTIME_DEFAULTS } from './defaults.js';
import { unwrap } from './errors.js';
import { providerClient, type DynamicClient, type ProviderOptions, type RequestExtras } from './http.js';
import { poll, type PollOptions } from './poll.js';
import { isRecord, jsonEvents } from './sse.js';

/** What the document gives the Comet client: written into client.js by `api-hub generate`. */
export interface CometTable {
  /** `comet.<group>.<name>(body, init?)` sends `<method> <path>` with the body. */
  shortcuts: ReadonlyArray<readonly [group: string, name: string, method: string, path: string]>;
  /** `comet.<group>.<name>(body, init?)`: the same operation with `stream: true`, as server-sent events. */
  stream?: { group: string; name: string; method: string; path: string; terminator: string };
  /** `comet.<group>.fetchTask(id)` / `waitForTask(id)` over `GET <path>` (`{id}` in the path). */
  midjourneyTask?: { group: string; path: string; terminal: readonly string[] };
}

export interface TaskWaitOptions extends PollOptions {
  /** Called with every fetched state of the task. */
  onTaskUpdate?: (task: unknown) => void;
}

type Member = (...args: never[]) => unknown;

/** The openapi-fetch client over Comet's paths, with the shortcuts of the table in their groups. */
export function createCometClient(options: ProviderOptions, table: CometTable): DynamicClient & Record<string, Record<string, Member>> {
  const client = providerClient<object>(options, COMET_BASE_URL, `Bearer ${options.apiKey}`);
  const groups: Record<string, Record<string, Member>> = {};
  const add = (group: string, name: string, member: Member): void => {
    groups[group] = { ...groups[group], [name]: member };
  };
  for (const [group, name, method, path] of table.shortcuts) {
    add(group, name, (body: unknown, init?: RequestExtras) => client.request(method, path, { ...init, body }));
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
  const task = table.midjourneyTask;
  if (task) {
    const fetchTask = (id: string, init?: RequestExtras): ReturnType<DynamicClient['request']> => client.request('get', task.path, { ...init, params: { path: { id } } });
    add(task.group, 'fetchTask', fetchTask);
    add(task.group, 'waitForTask', (id: string, opts: TaskWaitOptions = {}) =>
      poll(
        async () => {
          const state = unwrap('comet', await fetchTask(id, opts.signal === undefined ? {} : { signal: opts.signal }));
          opts.onTaskUpdate?.(state);
          return state;
        },
        (state) => isRecord(state) && typeof state.status === 'string' && task.terminal.includes(state.status),
        opts,
        RUNTIME_DEFAULTS.taskPollInterval,
        RUNTIME_DEFAULTS.taskMaxPollInterval,
      ),
    );
  }
  return Object.assign(client, groups);
}

/* api-hub generate: from src/generate/runtime/comet.ts; do not edit. */
import { COMET_BASE_URL } from './defaults.js';
import { unwrap } from './errors.js';
import { providerClient } from './http.js';
import { isRecord, jsonEvents } from './sse.js';
import { waitForTask } from './tasks.js';
export function formData(body) {
  if (!isRecord(body) || body instanceof FormData)
    return body;
  const form = new FormData();
  for (const [key, value] of Object.entries(body)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null)
        continue;
      if (item instanceof Blob)
        form.append(key, item);
      else
        form.append(key, typeof item === 'object' ? JSON.stringify(item) : String(item));
    }
  }
  return form;
}
export function createCometClient(options, table) {
  const client = providerClient('comet', options, COMET_BASE_URL, `Bearer ${options.apiKey}`);
  const groups = {};
  const add = (group, name, member) => {
    groups[group] = { ...groups[group], [name]: member };
  };
  const tasks = table.tasks ?? {};
  const send = (method, path, form, body, init) => client.request(method, path, { ...init, body: form === true ? formData(body) : body });
  const taskOf = (operationId) => {
    const row = tasks[operationId];
    if (row === undefined)
      throw new TypeError(`comet: ${operationId} is not a task operation of the document (no x-hub-poll)`);
    return row;
  };
  const wait = async (operationId, submitted, opts) => waitForTask(client, taskOf(operationId).poll, submitted, opts);
  const run = async (operationId, body, opts = {}) => {
    const row = taskOf(operationId);
    const { path, ...waitOptions } = opts;
    const init = { params: { path: path ?? {} }, ...(opts.signal === undefined ? {} : { signal: opts.signal }) };
    const submitted = unwrap('comet', await send(row.method, row.path, row.form, body, init));
    return waitForTask(client, row.poll, submitted, waitOptions);
  };
  add('tasks', 'wait', wait);
  add('tasks', 'run', run);
  for (const s of table.shortcuts) {
    const params = s.pathParams ?? [];
    const split = (args) => ({
      path: Object.fromEntries(params.map((p, i) => [p, args[i]])),
      body: args[params.length],
      rest: args[params.length + 1],
    });
    add(s.group, s.name, (...args) => {
      const { path, body, rest } = split(args);
      const init = (rest ?? {});
      return send(s.method, s.path, s.form, body, { ...init, params: { path } });
    });
    const task = s.task;
    if (task !== undefined) {
      add(s.group, `${s.name}AndWait`, (...args) => {
        const { path, body, rest } = split(args);
        return run(task, body, { ...(rest ?? {}), path });
      });
    }
  }
  const stream = table.stream;
  if (stream) {
    add(stream.group, stream.name, (body, init) => jsonEvents('comet', () => client.request(stream.method, stream.path, {
      ...init,
      body: { ...body, stream: true },
      headers: { Accept: 'text/event-stream', ...init?.headers },
      parseAs: 'stream',
    }), stream.terminator));
  }
  const mj = table.midjourneyTask;
  if (mj) {
    const fetchTask = (id, init) => client.request(mj.poll.method, mj.poll.path, { ...init, params: { path: { id } } });
    add(mj.group, 'fetchTask', fetchTask);
    add(mj.group, 'waitForTask', async (id, opts = {}) => (await waitForTask(client, mj.poll, { result: id }, opts, true)).task);
  }
  return Object.assign(client, groups);
}

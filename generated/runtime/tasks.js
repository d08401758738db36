/* api-hub generate: from src/generate/runtime/tasks.ts; do not edit. */
import { RUNTIME_DEFAULTS } from './defaults.js';
import { HubApiError, summary, unwrap } from './errors.js';
import { sleep } from './retry.js';
import { isRecord } from './sse.js';
export async function poll(step, done, options, interval, maxInterval) {
  let wait = options.pollInterval ?? interval;
  const max = Math.max(wait, options.maxPollInterval ?? maxInterval);
  for (;;) {
    const value = await step();
    if (done(value))
      return value;
    await sleep(wait, options.signal);
    wait = Math.min(wait * 1.5, max);
  }
}
export class HubTaskError extends HubApiError {
  taskStatus;
  constructor(response, task, taskStatus) {
    super({ provider: 'comet', response, body: task, message: `comet: the task ended with status ${taskStatus}${summary(task)}` });
    this.taskStatus = taskStatus;
  }
}
export function atPointer(value, ptr) {
  if (ptr === '')
    return value;
  let here = value;
  for (const raw of ptr.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(here))
      here = /^(0|[1-9]\d*)$/.test(key) ? here[Number(key)] : undefined;
    else if (isRecord(here))
      here = Object.prototype.hasOwnProperty.call(here, key) ? here[key] : undefined;
    else
      return undefined;
  }
  return here;
}
export function pollInit(descriptor, submitted) {
  const from = (name, ptr) => {
    const value = atPointer(submitted, ptr);
    if (value === undefined || value === null)
      throw new TypeError(`comet: no ${name} at ${ptr} in the submit answer${summary(submitted)}`);
    return value;
  };
  const path = {};
  const query = {};
  const headers = {};
  for (const [name, [where, ptr]] of Object.entries(descriptor.parameters ?? {})) {
    const value = from(name, ptr);
    if (where === 'path')
      path[name] = value;
    else if (where === 'query')
      query[name] = value;
    else
      headers[name] = String(value);
  }
  const init = { params: { path, query }, headers };
  if (descriptor.requestBody)
    init.body = Object.fromEntries(Object.entries(descriptor.requestBody).map(([field, ptr]) => [field, from(field, ptr)]));
  return init;
}
export async function waitForTask(client, descriptor, submitted, options = {}, returnFailed = false) {
  const init = pollInit(descriptor, submitted);
  if (options.signal !== undefined)
    init.signal = options.signal;
  const done = new Set(descriptor.done.map((s) => s.toLowerCase()));
  const failed = new Set(descriptor.failed.map((s) => s.toLowerCase()));
  const first = descriptor.interval === undefined ? RUNTIME_DEFAULTS.taskPollInterval : descriptor.interval * 1000;
  let response;
  const statusOf = (task) => {
    const s = atPointer(task, descriptor.status);
    return typeof s === 'string' || typeof s === 'number' ? String(s) : '';
  };
  const task = await poll(async () => {
    const result = await client.request(descriptor.method, descriptor.path, init);
    response = result.response;
    const state = unwrap('comet', result);
    options.onTaskUpdate?.(state);
    return state;
  }, (state) => {
    const s = statusOf(state).toLowerCase();
    return done.has(s) || failed.has(s);
  }, {
    ...options,
    pollInterval: options.pollInterval ?? first,
    maxPollInterval: options.maxPollInterval ?? Math.max(first, RUNTIME_DEFAULTS.taskMaxPollInterval),
  }, first, RUNTIME_DEFAULTS.taskMaxPollInterval);
  const status = statusOf(task);
  if (failed.has(status.toLowerCase()) && !returnFailed && response !== undefined)
    throw new HubTaskError(response, task, status);
  return { task, status, result: descriptor.result === undefined ? task : atPointer(task, descriptor.result) };
}

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A thread running the compiled worker module at `url`, unref'd (it never keeps the
 * process alive). Undefined without a compiled module (the TypeScript sources under a
 * test runner) or when a thread cannot be started: the caller then does the work itself.
 */
export function startWorker(url: URL): Worker | undefined {
  if (url.protocol !== 'file:' || !existsSync(fileURLToPath(url))) return undefined;
  let worker: Worker;
  try {
    worker = new Worker(url);
  } catch {
    return undefined;
  }
  worker.unref();
  return worker;
}

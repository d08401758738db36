import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RawError } from '../schemas/validators.js';
import type { OasVersion } from '../types.js';
import type { StructReply } from './ajv-worker.js';

/** Below this size the structural check is cheaper than starting a thread. */
export const PARALLEL_MIN_BYTES = 1_000_000;

/**
 * The structural check of one document on a second core: started as soon as a
 * large file has been read (the thread boots while the main thread parses),
 * given the document as JSON once parsed, and answering with ajv's raw errors
 * while the main thread walks the rules. The result is the same as running
 * the validator in the main thread; when the document turns out to need refs
 * inlined (other files, refs where OpenAPI allows none), the answer is not used.
 *
 * Without a compiled worker module (the TypeScript sources under a test
 * runner) `startStructWorker` returns undefined and the check runs inline.
 */
export interface StructWorker {
  /** Send the document; resolves to null (valid) or the raw errors. */
  check(version: OasVersion, json: string): Promise<RawError[] | null>;
  stop(): void;
}

export function startStructWorker(): StructWorker | undefined {
  const url = new URL('./ajv-worker.js', import.meta.url);
  if (url.protocol !== 'file:' || !existsSync(fileURLToPath(url))) return undefined;
  let worker: Worker;
  try {
    worker = new Worker(url);
  } catch {
    return undefined;
  }
  worker.unref();
  return {
    check: (version, json) =>
      new Promise((resolve, reject) => {
        worker.once('message', (reply: StructReply) => resolve(reply.errors));
        worker.once('error', reject);
        worker.postMessage({ version, json });
      }),
    // Not terminate(): that blocks the main thread for tens of milliseconds. An unref'd worker
    // does not keep the process alive, and an idle one costs nothing until the process exits.
    stop: () => worker.unref(),
  };
}

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { OffloadedFindings } from '../lint.js';
import type { RawError } from '../schemas/validators.js';
import type { OasVersion } from '../types.js';
import type { Twin } from '../load.js';
import type { OffloadedLint, StructReply, WorkerJob } from './ajv-worker.js';

/** Below this size the structural check is cheaper than starting a thread. */
export const PARALLEL_MIN_BYTES = 1_000_000;

/**
 * Rules that a second thread runs for a large description in one file: the ones that
 * check values against schemas (examples, defaults, discriminators), the heaviest of
 * the walk (on Cloudflare's description, a third of it). The rest run on the main thread:
 * the second thread also parses its own copy and runs the structural check, so a larger
 * share would make the main thread wait for it.
 */
export const OFFLOADED_RULES: ReadonlySet<string> = new Set([
  'no-invalid-media-type-examples',
  'no-invalid-parameter-examples',
  'no-invalid-schema-examples',
  'no-invalid-schema-defaults',
]);

/**
 * The second core for one large document: started as soon as the file's size is
 * known (the thread boots while the main thread reads), sent the text once read (it
 * parses its own copy while the main thread parses), then asked for the structural
 * check against the official schema and, for a description in one file, for the
 * OFFLOADED_RULES. Same result as running everything on the main thread: when the
 * document turns out to need refs inlined (other files, refs where OpenAPI allows
 * none), the structural answer is not used, and a description in several files runs
 * every rule on the main thread.
 *
 * Without a compiled worker module (the TypeScript sources under a test
 * runner) `startStructWorker` returns undefined and everything runs inline.
 */
export interface StructWorker {
  /** Hand over the file's text, as soon as it is read. */
  parse(text: string, strictJson: boolean, twin?: Twin): void;
  /** Ask for the structural check (null: valid) and, with `lint`, for those rules' findings. */
  check(version: OasVersion, lint?: OffloadedLint): { structErrors: Promise<RawError[] | null>; offloaded?: Promise<OffloadedFindings> };
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
  const post = (job: WorkerJob): void => worker.postMessage(job);
  return {
    parse: (text, strictJson, twin) =>
      post({ kind: 'parse', text, strictJson, ...(twin ? { twin: { json: twin.json, ...(twin.member ? { member: twin.member } : {}) } } : {}) }),
    check: (version, lint) => {
      const reply = new Promise<StructReply>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        post({ kind: 'check', version, ...(lint ? { lint } : {}) });
      });
      const structErrors = reply.then((r) => {
        if (r.errors === undefined) throw new Error('the second thread could not parse the file');
        return r.errors;
      });
      structErrors.catch(() => undefined);
      if (!lint) return { structErrors };
      const offloaded = reply.then((r) => {
        if (!r.lint) throw new Error(r.lintFailed ?? 'the second thread did not run the rules');
        return r.lint;
      });
      offloaded.catch(() => undefined);
      return { structErrors, offloaded };
    },
    // Not terminate(): that blocks the main thread for tens of milliseconds. An unref'd worker
    // does not keep the process alive, and an idle one costs nothing until the process exits.
    stop: () => worker.unref(),
  };
}

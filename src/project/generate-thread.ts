import { readFileSync } from 'node:fs';
import { startWorker } from '../core/worker.js';
import type { GenerateResult } from '../generate/generate.js';
import type { GenerateJob, GenerateReply } from './generate-worker.js';

/**
 * A second thread for `api-hub start`'s generate stage. Started before the build,
 * it loads the generator and transpiles the runtime on the core the build leaves
 * idle; the build hands it the document's JSON as soon as the document exists
 * (`runBuild`'s `onDocument`), and it generates while the main thread writes the
 * build's outputs and validates. The result is the same as generating in-process
 * (tests/pipeline.test.ts checks the committed outputs byte for byte, and
 * tests/generate-thread.test.ts compares the two); when the thread fails, `result`
 * rejects and the caller generates in-process, where a real error of the document
 * is reported as usual.
 *
 * Without a compiled worker module (the TypeScript sources under a test runner)
 * it returns undefined.
 */
export interface GenerateThread {
  /** Hand over the document: generation starts now. */
  start(job: GenerateJob): void;
  /** The generated files (rejects when the thread failed or was never started). */
  result(): Promise<GenerateResult>;
  /** The result is not wanted (a cache hit): stop the thread's work. */
  cancel(): void;
  /** Done with the thread. */
  stop(): void;
}

export function startGenerateThread(): GenerateThread | undefined {
  const worker = startWorker(new URL('./generate-worker.js', import.meta.url));
  if (!worker) return undefined;
  let reply: Promise<GenerateResult> | undefined;
  return {
    start(job) {
      reply = new Promise<GenerateResult>((resolve, reject) => {
        worker.once('error', reject);
        worker.once('exit', () => reject(new Error('the generate thread exited')));
        worker.once('message', (r: GenerateReply) => (r.ok ? resolve(r.result) : reject(new Error(r.reason))));
        worker.postMessage(job);
      });
      reply.catch(() => undefined);
    },
    result: () => reply ?? Promise.reject(new Error('the generate thread was given no document')),
    cancel: () => void worker.terminate(),
    // The thread ends itself once told; terminate() would block this thread.
    stop: () => worker.postMessage({ stop: true }),
  };
}

/**
 * How `api-hub start` feeds its thread: `onDocument` for the build, `produce` for the
 * generate run. With the result cache on, a document equal to the one in the index on
 * disk (the last build's, which the cache most likely holds) is kept back: the thread
 * generates it only when the cache does not answer (`produce` is called); a changed
 * document is handed over at once.
 */
export function feedThread(
  thread: GenerateThread,
  opts: { source: string; indexPath: string; cache: boolean },
): { onDocument(json: string): void; produce(): Promise<GenerateResult> } {
  let held: GenerateJob | undefined;
  return {
    onDocument(json) {
      const job = { json, source: opts.source };
      if (opts.cache && sameAsIndex(opts.indexPath, json)) held = job;
      else thread.start(job);
    },
    produce() {
      if (held) thread.start(held);
      held = undefined;
      return thread.result();
    },
  };
}

/** Whether the index file (`{"source":…,"document":…}` and a newline, serialize.ts) holds exactly this document JSON. */
export function sameAsIndex(indexPath: string, documentJson: string): boolean {
  let text: string;
  try {
    text = readFileSync(indexPath, 'utf8');
  } catch {
    return false;
  }
  const marker = ',"document":';
  const at = text.indexOf(marker);
  if (at === -1) return false;
  const from = at + marker.length;
  return text.length === from + documentJson.length + 2 && text.endsWith('}\n') && text.startsWith(documentJson, from);
}

/**
 * The thread `api-hub start` generates on (see generate-thread.ts). It loads the
 * generator (typescript and openapi-typescript, ~0.3 s) and transpiles the
 * client's runtime (which does not depend on the document) as soon as it starts,
 * while the main thread builds; then it generates from the document's JSON text,
 * which the build hands over before it serializes and writes its outputs.
 */
import { parentPort } from 'node:worker_threads';
import type { GenerateResult } from '../generate/generate.js';

export interface GenerateJob {
  /** The unified document as JSON text (parsed here: this thread's own copy). */
  json: string;
  /** The document's file, named in headers and diagnostics. */
  source: string;
}

export type GenerateReply = { ok: true; result: GenerateResult } | { ok: false; reason: string };

const ready = (async () => {
  const [{ generate }, { runtimeFiles }, { preloadSchemaTypes }] = await Promise.all([
    import('../generate/generate.js'),
    import('../generate/runtime-files.js'),
    import('../generate/schema-types.js'),
  ]);
  preloadSchemaTypes();
  runtimeFiles();
  return generate;
})();
ready.catch(() => undefined);

async function run(job: GenerateJob): Promise<GenerateReply> {
  const generate = await ready;
  const document: unknown = JSON.parse(job.json);
  // The copy parsed here is this call's alone: openapi-typescript may rewrite it.
  return { ok: true, result: await generate(document, { source: job.source, mutable: true }) };
}

parentPort?.on('message', (job: GenerateJob | { stop: true }) => {
  // Done: the thread ends itself (terminate() would block the main thread).
  if ('stop' in job) {
    parentPort?.close();
    return;
  }
  run(job).then(
    (reply) => parentPort?.postMessage(reply),
    (err: unknown) => parentPort?.postMessage({ ok: false, reason: err instanceof Error ? err.message : String(err) } satisfies GenerateReply),
  );
});

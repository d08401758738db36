import { availableParallelism } from 'node:os';
import { startWorker } from '../../core/worker.js';
import type { RawError } from '../schemas/validators.js';
import type { OasVersion } from '../types.js';
import type { Twin, TwinBytes } from '../load.js';
import type { StructReply, WorkerJob } from './ajv-worker.js';

/** Below this size the structural check is cheaper than starting a thread. */
export const PARALLEL_MIN_BYTES = 1_000_000;

/**
 * Whether a large document's structural check gets a second thread by default: only when the
 * machine has more than two CPUs. On two (the bench machine), the thread costs as much as it
 * saves or more: it boots and parses its own copy of the document, and its parse and check
 * allocate while the main thread parses and walks, so both run slower (the main thread's walk
 * of specs/openapi.yaml took ~405 ms beside it, ~275 ms alone). `npm run bench` inputs, whole
 * process, medians of 10 alternating runs: specs/openapi.yaml 1.08 s with the thread, 1.06 s
 * without; Cloudflare 1.07 / 0.92 s; the 12.5 MB synthetic spec (6 runs) 2.56 / 2.30 s; peak
 * RSS 20-40% lower without. With more cores the thread has a core of its own beside V8's
 * helper threads (not measured here: the machines at hand have two).
 */
export function secondThreadPays(cpus: number = availableParallelism()): boolean {
  return cpus > 2;
}

/**
 * The second core for one large document: started as soon as the file's size is
 * known (the thread boots while the main thread reads), sent the file's bytes once
 * read (it parses its own copy while the main thread parses), or the bytes of the
 * file's JSON twin as soon as they match the file (it parses them while the main
 * thread parses its own copy: for the built document this thread is the critical
 * path, so every millisecond it starts earlier counts). It starts the structural check
 * against the official schema as soon as it has the data, with the version it finds
 * there (the main thread's `check` names the version: the same, found the same way
 * in the same data), while the main thread walks the rules. Same result as checking on the main thread: when the
 * document turns out to need refs inlined (other files, refs where OpenAPI allows
 * none), the answer is not used. (Running some rules on this thread too was tried:
 * with its own parse and the structural check it is already the critical path, and
 * the wall time did not change.)
 *
 * Without a compiled worker module (the TypeScript sources under a test
 * runner) `startStructWorker` returns undefined and everything runs inline.
 */
export interface StructWorker {
  /**
   * Hand over the file, as soon as it is read: its bytes when it was read as bytes (`text` is their
   * UTF-8), else its text; or only the twin (see load.ts), which the thread takes instead.
   */
  parse(text: string, strictJson: boolean, twin?: Twin, bytes?: Uint8Array): void;
  /** Hand over a twin's bytes as soon as they match the text: the thread parses and checks them while the main thread parses its copy; `parse` then says whether they were taken. */
  twin(twin: TwinBytes): void;
  /** The structural check (null: valid); rejects when the thread could not parse the text. */
  check(version: OasVersion): Promise<RawError[] | null>;
  stop(): void;
}

export function startStructWorker(): StructWorker | undefined {
  const worker = startWorker(new URL('./ajv-worker.js', import.meta.url));
  if (!worker) return undefined;
  const post = (job: WorkerJob): void => worker.postMessage(job);
  /** The twin bytes the thread was sent early. */
  let early: Uint8Array | undefined;
  return {
    twin: (twin) => {
      early = twin.bytes;
      post({ kind: 'twin', bytes: shared(twin.bytes), ...(twin.member === undefined ? {} : { member: twin.member }) });
    },
    parse: (text, strictJson, twin, bytes) => post(parseJob(text, strictJson, twin, bytes, early)),
    check: (version) => {
      const reply = new Promise<StructReply>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        post({ kind: 'check', version });
      });
      const structErrors = reply.then((r) => {
        if (r.errors === undefined) throw new Error('the second thread could not parse the file');
        return r.errors;
      });
      structErrors.catch(() => undefined);
      return structErrors;
    },
    // The thread ends itself once told (its heap holds a parsed copy of the document: a long-running
    // process, the MCP server, must not keep one per call). Not terminate(), which blocks this thread.
    stop: () => post({ kind: 'stop' }),
  };
}

/**
 * What the thread is sent: bytes go as a SharedArrayBuffer (one copy of the bytes, ~1 ms for
 * megabytes, where a string is serialized and deserialized), and the thread decodes them as the
 * main thread did; with a twin only the twin goes, the text is not needed there.
 */
function parseJob(text: string, strictJson: boolean, twin: Twin | undefined, bytes: Uint8Array | undefined, early: Uint8Array | undefined): WorkerJob {
  if (twin) {
    const format = /^\s*[{[]/.test(text) ? 'json' : 'yaml';
    // The twin taken is the one the thread already parses (the very bytes, as sent): only say so.
    if (twin.bytes !== undefined && twin.bytes === early) return { kind: 'parse', strictJson, format, twin: 'sent' };
    const member = twin.member === undefined ? {} : { member: twin.member };
    return { kind: 'parse', strictJson, format, twin: { ...(twin.bytes ? { bytes: shared(twin.bytes) } : { json: twin.json }), ...member } };
  }
  return { kind: 'parse', strictJson, ...(bytes ? { bytes: shared(bytes) } : { text }) };
}

function shared(bytes: Uint8Array): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer(bytes.byteLength);
  new Uint8Array(buffer).set(bytes);
  return buffer;
}

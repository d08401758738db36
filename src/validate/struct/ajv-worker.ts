/**
 * The second thread of the validation of a large document (see parallel.ts). It is
 * sent the file's text as soon as it is read and parses its own copy (or reads the
 * file's JSON twin) while the main thread parses and walks the rules; told the
 * version, it runs the precompiled validator of the official schema and posts back
 * ajv's raw errors (the main thread words them, see struct-rule.ts).
 */
import { parentPort } from 'node:worker_threads';
import { parseSourceText, type ParseTextResult } from '../parse/parse-text.js';
import { loadSchemaValidator, type RawError } from '../schemas/validators.js';
import type { OasVersion } from '../types.js';

/**
 * `parse`: the file as its text, or as the bytes it was read as (UTF-8, checked on the main thread),
 * or only its twin (JSON text or bytes; `format` is the file's, as the main thread found it).
 */
export type WorkerJob =
  | { kind: 'parse'; strictJson: boolean; text?: string; bytes?: SharedArrayBuffer; format?: 'json' | 'yaml'; twin?: TwinJob }
  | { kind: 'check'; version: OasVersion };
type TwinJob = { json?: string; bytes?: SharedArrayBuffer; member?: string };

export interface StructReply {
  /** Undefined when this thread could not parse the text (the main thread then checks inline). */
  errors?: RawError[] | null;
}

let parsed: ParseTextResult | undefined;

parentPort?.on('message', (job: WorkerJob) => {
  if (job.kind === 'parse') {
    parsed = job.twin
      ? fromTwin(job.format ?? 'yaml', job.twin)
      : parseSourceText(job.bytes ? utf8(job.bytes) : (job.text ?? ''), { strictJson: job.strictJson });
    return;
  }
  void check(job).then((reply) => parentPort!.postMessage(reply));
});

/** The data of the file's parsed twin (see load.ts), as the main thread took it. */
function fromTwin(format: 'json' | 'yaml', twin: TwinJob): ParseTextResult {
  const value: unknown = JSON.parse(twin.bytes ? utf8(twin.bytes) : (twin.json ?? ''));
  const data = twin.member === undefined ? value : (value as Record<string, unknown>)[twin.member];
  return { ok: true, data, format };
}

const utf8 = (bytes: SharedArrayBuffer): string => Buffer.from(bytes).toString('utf8');

async function check(job: Extract<WorkerJob, { kind: 'check' }>): Promise<StructReply> {
  if (!parsed?.ok) return {};
  const validate = await loadSchemaValidator(job.version);
  return { errors: validate(parsed.data) ? null : (validate.errors ?? []) };
}

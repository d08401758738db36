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

export type WorkerJob = { kind: 'parse'; text: string; strictJson: boolean; twin?: { json: string; member?: string } } | { kind: 'check'; version: OasVersion };

export interface StructReply {
  /** Undefined when this thread could not parse the text (the main thread then checks inline). */
  errors?: RawError[] | null;
}

let parsed: ParseTextResult | undefined;

parentPort?.on('message', (job: WorkerJob) => {
  if (job.kind === 'parse') {
    parsed = job.twin ? fromTwin(job.text, job.twin) : parseSourceText(job.text, { strictJson: job.strictJson });
    return;
  }
  void check(job).then((reply) => parentPort!.postMessage(reply));
});

/** The data of the file's parsed twin (see load.ts), as the main thread took it. */
function fromTwin(source: string, twin: { json: string; member?: string }): ParseTextResult {
  const value: unknown = JSON.parse(twin.json);
  const data = twin.member === undefined ? value : (value as Record<string, unknown>)[twin.member];
  return { ok: true, data, format: /^\s*[{[]/.test(source) ? 'json' : 'yaml' };
}

async function check(job: Extract<WorkerJob, { kind: 'check' }>): Promise<StructReply> {
  if (!parsed?.ok) return {};
  const validate = await loadSchemaValidator(job.version);
  return { errors: validate(parsed.data) ? null : (validate.errors ?? []) };
}

/**
 * The second thread of the validation of a large document (see parallel.ts). It is
 * sent the file's bytes once read and parses its own copy, or the file's JSON twin,
 * sent as soon as it is read and parsed here while the main thread checks it against
 * the file (used only if the main thread takes it), then walks the rules; told the
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
  | { kind: 'twin'; bytes: SharedArrayBuffer; member?: string }
  | { kind: 'parse'; strictJson: boolean; text?: string; bytes?: SharedArrayBuffer; format?: 'json' | 'yaml'; twin?: TwinJob | 'sent' }
  | { kind: 'check'; version: OasVersion };
type TwinJob = { json?: string; bytes?: SharedArrayBuffer; member?: string };

export interface StructReply {
  /** Undefined when this thread could not parse the text (the main thread then checks inline). */
  errors?: RawError[] | null;
}

let parsed: ParseTextResult | undefined;
/** The twin sent as soon as it was read, parsed before the main thread knows whether it takes it. */
let early: ParseTextResult | undefined;

parentPort?.on('message', (job: WorkerJob) => {
  if (job.kind === 'twin') {
    early = tryParse(() => fromTwin('json', job));
    return;
  }
  if (job.kind === 'parse') {
    if (job.twin === 'sent') parsed = early?.ok ? { ...early, format: job.format ?? 'yaml' } : undefined;
    else
      parsed = job.twin
        ? tryParse(() => fromTwin(job.format ?? 'yaml', job.twin as TwinJob))
        : parseSourceText(job.bytes ? utf8(job.bytes) : (job.text ?? ''), { strictJson: job.strictJson });
    early = undefined;
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

/** Undefined for a twin that does not parse (the main thread does not take it; if asked, the structural check is then done inline). */
function tryParse(parse: () => ParseTextResult): ParseTextResult | undefined {
  try {
    return parse();
  } catch {
    return undefined;
  }
}

async function check(job: Extract<WorkerJob, { kind: 'check' }>): Promise<StructReply> {
  if (!parsed?.ok) return {};
  const validate = await loadSchemaValidator(job.version);
  return { errors: validate(parsed.data) ? null : (validate.errors ?? []) };
}

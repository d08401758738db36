/**
 * The second thread of the validation of a large document (see parallel.ts). It is
 * sent the file's bytes once read and parses its own copy, or the file's JSON twin as
 * soon as it matches the file (used only if the main thread takes it), while the main
 * thread parses and walks the rules. As soon as it has the data it runs the precompiled
 * validator of the official schema for the version found in it (detectVersion, as the
 * main thread does), and when asked for that version's check posts back ajv's raw
 * errors (the main thread words them, see struct-rule.ts).
 */
import { parentPort } from 'node:worker_threads';
import { parseSourceText, type ParseTextResult } from '../parse/parse-text.js';
import { loadSchemaValidator, type RawError } from '../schemas/validators.js';
import type { OasVersion } from '../types.js';
import { detectVersion } from '../version.js';

/**
 * `parse`: the file as its text, or as the bytes it was read as (UTF-8, checked on the main thread),
 * or only its twin (JSON text or bytes; `format` is the file's, as the main thread found it).
 */
export type WorkerJob =
  | { kind: 'twin'; bytes: SharedArrayBuffer; member?: string }
  | { kind: 'parse'; strictJson: boolean; text?: string; bytes?: SharedArrayBuffer; format?: 'json' | 'yaml'; twin?: TwinJob | 'sent' }
  | { kind: 'check'; version: OasVersion }
  /** Done: the thread closes its port and ends (its parsed copy and heap go with it). */
  | { kind: 'stop' };
type TwinJob = { json?: string; bytes?: SharedArrayBuffer; member?: string };

export interface StructReply {
  /** Undefined when this thread could not parse the text (the main thread then checks inline). */
  errors?: RawError[] | null;
}

let parsed: ParseTextResult | undefined;
/** The twin sent as soon as it matched the file, parsed before the main thread has taken it. */
let early: ParseTextResult | undefined;
/** The structural check started as soon as the data was parsed, for the version found in it. */
let started: { data: unknown; version: OasVersion; reply: Promise<StructReply> } | undefined;

parentPort?.on('message', (job: WorkerJob) => {
  if (job.kind === 'stop') {
    parentPort?.close();
    return;
  }
  if (job.kind === 'twin') {
    early = tryParse(() => fromTwin('json', job));
    start(early);
    return;
  }
  if (job.kind === 'parse') {
    if (job.twin === 'sent') parsed = early?.ok ? { ...early, format: job.format ?? 'yaml' } : undefined;
    else {
      parsed = job.twin
        ? tryParse(() => fromTwin(job.format ?? 'yaml', job.twin as TwinJob))
        : parseSourceText(job.bytes ? utf8(job.bytes) : (job.text ?? ''), { strictJson: job.strictJson });
      start(parsed);
    }
    early = undefined;
    return;
  }
  const s = started;
  const reply = s !== undefined && parsed?.ok && s.data === parsed.data && s.version === job.version ? s.reply : check(job);
  void reply.then((r) => parentPort!.postMessage(r));
});

/** Start the structural check of freshly parsed data, for the version it declares (what the main thread's `check` will ask for). */
function start(result: ParseTextResult | undefined): void {
  if (!result?.ok) return;
  const version = detectVersion(result.data, '');
  if (!version.ok) return;
  started = { data: result.data, version: version.version, reply: run(result.data, version.version) };
  started.reply.catch(() => undefined);
}

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
  return run(parsed.data, job.version);
}

async function run(data: unknown, version: OasVersion): Promise<StructReply> {
  const validate = await loadSchemaValidator(version);
  return { errors: validate(data) ? null : (validate.errors ?? []) };
}

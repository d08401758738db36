/**
 * Worker thread for the structural check of a large document: parses the JSON
 * text it is sent and runs the precompiled validator of the official schema,
 * while the main thread walks the same document with the rules. Posts back the
 * raw errors (the main thread words them, see struct-rule.ts).
 */
import { parentPort } from 'node:worker_threads';
import { loadSchemaValidator, type RawError } from '../schemas/validators.js';
import type { OasVersion } from '../types.js';

export interface StructJob {
  version: OasVersion;
  /** The document as JSON text. */
  json: string;
}

export interface StructReply {
  errors: RawError[] | null;
}

parentPort?.on('message', (job: StructJob | 'warm') => {
  void (async () => {
    if (job === 'warm') return;
    const validate = await loadSchemaValidator(job.version);
    const data: unknown = JSON.parse(job.json);
    const reply: StructReply = { errors: validate(data) ? null : (validate.errors ?? []) };
    parentPort!.postMessage(reply);
  })();
});

/**
 * Worker thread entry (runtime-files.ts, `runtimeFilesInBackground`): emits the
 * runtime on the second core while the main thread makes the schema types.
 */
import { parentPort } from 'node:worker_threads';
import { runtimeFiles } from './runtime-files.js';

parentPort?.postMessage(runtimeFiles());

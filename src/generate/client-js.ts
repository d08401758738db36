import type { CometFeatures } from './comet-shortcuts.js';
import type { CometTable } from './runtime/comet.js';

/**
 * `generated/client.js`: plain ES module, no build step for consumers. The
 * logic is the runtime (`generated/runtime/`, emitted from the typed modules in
 * src/generate/runtime/ by runtime-files.ts); this file only gives it what the
 * document says about Comet (its shortcuts, stream and task polling) as data.
 * It holds no per-endpoint FAL data, so its size does not grow with the number
 * of models: the typed map lives only in client.d.ts.
 */
export function emitClientJs(header: string, features: CometFeatures): string {
  return (
    header +
    "import { createCometClient as cometClient } from './runtime/comet.js';\n" +
    "import { createHubClient as hubClient } from './runtime/hub.js';\n\n" +
    "export { COMET_BASE_URL, FAL_BASE_URL } from './runtime/defaults.js';\n" +
    "export { HubApiError } from './runtime/errors.js';\n" +
    "export { createFalClient } from './runtime/fal.js';\n\n" +
    '// What the document gives the Comet client: its shortcuts, stream and task polling.\n' +
    `const COMET = ${JSON.stringify(cometTable(features), null, 2)};\n\n` +
    'export function createCometClient(options) {\n  return cometClient(options, COMET);\n}\n\n' +
    'export function createHubClient(options) {\n  return hubClient(options, createCometClient);\n}\n'
  );
}

export function cometTable(features: CometFeatures): CometTable {
  const table: CometTable = { shortcuts: features.shortcuts.map((s) => [s.group, s.name, s.method, s.path] as const) };
  const stream = features.chatStream;
  if (stream) table.stream = { group: stream.group, name: stream.name, method: stream.method, path: stream.path, terminator: stream.terminator };
  const task = features.midjourneyTask;
  if (task) table.midjourneyTask = { group: task.group, path: task.path, terminal: task.terminal };
  return table;
}

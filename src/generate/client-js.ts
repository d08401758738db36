import type { CometFeatures } from './comet-shortcuts.js';
import { FORM_MEDIA_TYPE } from './comet-shortcuts.js';
import type { CometTable, ShortcutRow, TaskRow } from './runtime/comet.js';

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
    "export { HubTaskError } from './runtime/tasks.js';\n" +
    "export { createFalClient } from './runtime/fal.js';\n\n" +
    '// What the document gives the Comet client: its shortcuts, stream and task polling.\n' +
    `const COMET = ${tableText(cometTable(features))};\n\n` +
    'export function createCometClient(options) {\n  return cometClient(options, COMET);\n}\n\n' +
    'export function createHubClient(options) {\n  return hubClient(options, createCometClient);\n}\n'
  );
}

export function cometTable(features: CometFeatures): CometTable {
  const shortcuts: ShortcutRow[] = features.shortcuts.map((s) => ({
    group: s.group,
    name: s.name,
    method: s.method,
    path: s.path,
    ...(s.pathParams === undefined ? {} : { pathParams: s.pathParams }),
    ...(s.media === FORM_MEDIA_TYPE ? { form: true } : {}),
    ...(s.task === undefined ? {} : { task: s.task }),
  }));
  const table: CometTable = { shortcuts };
  const stream = features.chatStream;
  if (stream) table.stream = { group: stream.group, name: stream.name, method: stream.method, path: stream.path, terminator: stream.terminator };
  if (features.tasks.length > 0) {
    const tasks: Record<string, TaskRow> = {};
    for (const t of features.tasks) {
      tasks[t.operationId] = { method: t.submit.method, path: t.submit.path, ...(t.form ? { form: true } : {}), poll: t.descriptor };
    }
    table.tasks = tasks;
  }
  const task = features.midjourneyTask;
  if (task) table.midjourneyTask = { group: task.group, poll: task.descriptor };
  return table;
}

/** The table as JSON with one shortcut, task or field per line: readable, and small. */
function tableText(table: CometTable): string {
  const lines = Object.entries(table).map(([key, value]) => {
    if (Array.isArray(value)) return `  ${JSON.stringify(key)}: [${value.map((v) => `\n    ${JSON.stringify(v)}`).join(',')}${value.length > 0 ? '\n  ' : ''}]`;
    if (key === 'tasks' && value !== null && typeof value === 'object') {
      const rows = Object.entries(value).map(([id, row]) => `\n    ${JSON.stringify(id)}: ${JSON.stringify(row)}`);
      return `  ${JSON.stringify(key)}: {${rows.join(',')}\n  }`;
    }
    return `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  });
  return `{\n${lines.join(',\n')}\n}`;
}

import type { ImportResult } from './import-result.js';
import { COUNTER_KINDS } from './import-result.js';
import type { PushPlan } from './plan.js';
import { rollUp } from './plan.js';
import type { PushOutcome, PushTarget } from './push.js';

const LABELS: Record<string, string> = { endpoint: 'endpoints', schema: 'schemas', endpointFolder: 'endpoint folders', schemaFolder: 'schema folders' };

/** The counters as a table: one row per subject, one column per kind. */
export function formatCounters(result: ImportResult): string {
  const rows = result.counters.map((r) => [LABELS[r.subject] ?? r.subject, ...COUNTER_KINDS.map((k) => String(r[k]))]);
  const head = ['', ...COUNTER_KINDS];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: readonly string[]) => '  ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[0] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ') + '\n';
  let out = line(head) + rows.map(line).join('');
  if (result.errors.length > 0) {
    out += `Apidog reported ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}:\n`;
    for (const e of result.errors) out += `  - ${e.message}${e.code === undefined ? '' : ` (${e.code})`}\n`;
  }
  return out;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

const n = (x: number) => x.toLocaleString('en-US');

/** What `--dry-run` shows: the target, the options, the size, and endpoints per folder. */
export function formatPlan(spec: string, plan: PushPlan, target: PushTarget, depth = 2): string {
  let out = 'Dry run: nothing was sent to Apidog.\n';
  out += `  would POST   ${target.url}\n`;
  out += `  token        APIDOG_ACCESS_TOKEN ${target.tokenSet ? 'is set' : 'is NOT set (needed for a real push)'}${target.projectId === undefined ? '; APIDOG_PROJECT_ID is NOT set' : ''}\n`;
  out += `  document     ${spec}: ${formatBytes(plan.bytes)} (${n(plan.bytes)} bytes), sent as it is in the \`input\` string\n`;
  out += `  contents     ${n(plan.endpoints)} endpoints in ${n(plan.folders.length)} folders (${n(plan.folderCount)} with their parents), ${n(plan.schemas)} schemas\n`;
  out += `  options      ${JSON.stringify(plan.options)}\n`;
  if (plan.options.deleteUnmatchedResources === true)
    out += '  WARNING      deleteUnmatchedResources is on: everything in the project that is not in this document will be deleted\n';
  const rows = rollUp(plan.folders, depth);
  if (rows.length > 0) {
    out += `Endpoints per folder (${depth === 1 ? 'top level' : `first ${depth} levels`}; --json lists every folder):\n`;
    const width = Math.max(...rows.map((r) => r.folder.length));
    for (const r of rows) out += `  ${r.folder.padEnd(width)}  ${String(r.endpoints).padStart(6)}${r.folders > 1 ? `  in ${r.folders} folders` : ''}\n`;
  }
  return out;
}

/** The outcome as one JSON-ready object: what `api-hub push --json` prints and the MCP push tool answers. */
export function outcomeSummary(outcome: PushOutcome): Record<string, unknown> {
  const { spec, validation } = outcome;
  if (outcome.status === 'invalid')
    return { status: 'invalid', spec, errorCount: validation.errorCount, warningCount: validation.warningCount, problems: validation.problems };
  const { plan, target } = outcome;
  if (outcome.status === 'dry-run') {
    return {
      status: 'dry-run',
      spec,
      errorCount: validation.errorCount,
      warningCount: validation.warningCount,
      url: target.url,
      tokenSet: target.tokenSet,
      bytes: plan.bytes,
      endpoints: plan.endpoints,
      schemas: plan.schemas,
      folderCount: plan.folderCount,
      options: plan.options,
      folders: Object.fromEntries(plan.folders.map((f) => [f.folder, f.endpoints])),
    };
  }
  const { result } = outcome;
  return {
    status: result.failed ? 'failed' : 'pushed',
    spec,
    errorCount: validation.errorCount,
    warningCount: validation.warningCount,
    projectId: target.projectId,
    bytes: plan.bytes,
    endpoints: plan.endpoints,
    schemas: plan.schemas,
    ms: outcome.requestMs,
    counters: result.counters,
    errors: result.errors,
    ...(result.noCounters ? { warning: "Apidog's answer has no counters, so what was imported is unknown; check the project in Apidog." } : {}),
  };
}

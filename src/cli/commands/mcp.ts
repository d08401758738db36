import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import type { SetExit } from './index.js';
import { ExitCode, HubError } from '../../core/errors.js';
import type { AuditSummary } from '../../mcp/audit-read.js';

interface McpFlags {
  allowPush?: boolean;
  budget?: string;
  root?: string;
  auditLog?: string;
}

interface AuditFlags {
  auditLog?: string;
  root?: string;
  last: string;
  json?: boolean;
}

/** The package directory (bin/, dist/, data/, specs/): dist/cli/commands/mcp.js is three levels down. */
const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export function registerMcp(program: Command, ctx: CliContext, setExit: SetExit): void {
  const mcp = program
    .command('mcp')
    .description('MCP server on stdio over the model registry and the unified spec (read-only unless --allow-push)')
    .option('--allow-push', 'also offer the push_to_apidog tool (destructive: it changes the Apidog project)')
    .option('--budget <chars>', 'largest tool result in characters (default 20000)')
    .option('--root <dir>', 'project root (default: API_HUB_ROOT, else the current directory when it has data/model_registry.json, else this package)')
    .option(
      '--audit-log <path|off>',
      'JSON-lines log of every tool call (time, tool, arguments with secrets masked, outcome, duration, result size), rotated at 5 MB; "off" for none',
      '.api-hub/mcp-audit.jsonl',
    )
    .addHelpText(
      'after',
      `
stdout carries only MCP messages; logs go to stderr. Every tool call is recorded in
<root>/.api-hub/mcp-audit.jsonl (relative paths are taken from the root); read it with
\`api-hub mcp audit\`. The registry and specs/openapi.yaml load
once, in the background after the client connects. For a client config, see the README
(Claude Desktop, Cursor, VS Code).

Examples:
  api-hub mcp
  api-hub mcp --audit-log /var/log/api-hub/mcp.jsonl
  api-hub mcp audit --last 20
  npx @modelcontextprotocol/inspector node bin/api-hub.js mcp`,
    )
    .action((flags: McpFlags) => serveMcp(flags, ctx, setExit));

  mcp
    .command('audit')
    .description('read the MCP audit log: calls per tool, errors, and the last calls')
    .option('--audit-log <path>', 'the log to read (default <root>/.api-hub/mcp-audit.jsonl, with its rotated .1 and .2)')
    .option('--root <dir>', 'project root (as for api-hub mcp)')
    .option('--last <n>', 'how many of the latest calls to list', '10')
    .option('--json', 'print the summary as JSON')
    .action((flags: AuditFlags) => readMcpAudit(flags, mcp.opts<McpFlags>(), ctx));
}

/** `api-hub mcp`: serve the tools on stdio until the client goes away. */
async function serveMcp(flags: McpFlags, ctx: CliContext, setExit: SetExit): Promise<void> {
  const budget = flags.budget === undefined ? undefined : Number(flags.budget);
  if (budget !== undefined && (!Number.isInteger(budget) || budget < 1000))
    throw new HubError(`--budget must be a whole number of characters, at least 1000 (got ${JSON.stringify(flags.budget)})`);
  const root = chooseRoot(ctx, flags.root);
  const { serveStdio } = await import('../../mcp/index.js');
  const auditLog = flags.auditLog === undefined || flags.auditLog === 'off' ? false : flags.auditLog;
  const handle = await serveStdio({
    root,
    allowPush: flags.allowPush ?? false,
    env: ctx.env,
    auditLog,
    log: (line) => ctx.stderr(`[api-hub mcp] ${line}\n`),
    ...(budget !== undefined ? { budget } : {}),
  });
  await handle.closed;
  setExit(ExitCode.ok);
}

/** `api-hub mcp audit`: read the audit log (`parent`: the flags `mcp` took, commander hands it --root and --audit-log) and print its summary. */
async function readMcpAudit(flags: AuditFlags, parent: McpFlags, ctx: CliContext): Promise<void> {
  const last = Number(flags.last);
  if (!Number.isInteger(last) || last < 0) throw new HubError(`--last must be a whole number (got ${JSON.stringify(flags.last)})`);
  // `api-hub mcp audit --root X --audit-log Y`: commander hands --root and --audit-log to `mcp`, which has them too.
  const root = chooseRoot(ctx, flags.root ?? parent.root);
  const logFlag = flags.auditLog ?? parent.auditLog;
  if (logFlag === 'off') throw new HubError('--audit-log off: there is no log to read');
  const path = resolve(root, logFlag ?? join('.api-hub', 'mcp-audit.jsonl'));
  const { readAudit, summarizeAudit } = await import('../../mcp/audit-read.js');
  const { records, files, unreadable } = await readAudit(path);
  if (files.length === 0) throw new HubError(`no audit log at ${path} (api-hub mcp writes one unless started with --audit-log off)`);
  const s = summarizeAudit(records, files, unreadable, last);
  printAuditSummary(s, files, flags.json === true, ctx);
}

/** The audit summary as JSON, or as text: totals, calls per tool, the last calls. */
function printAuditSummary(s: AuditSummary, files: readonly string[], json: boolean, ctx: CliContext): void {
  if (json) {
    ctx.stdout(`${JSON.stringify(s, null, 2)}\n`);
    return;
  }
  ctx.stdout(
    `${s.calls} call(s), ${s.errors} error(s)${s.first ? ` from ${s.first} to ${s.last}` : ''} (${files.join(', ')})${s.unreadable ? `; ${s.unreadable} unreadable line(s)` : ''}\n`,
  );
  if (s.tools.length > 0) {
    const w = Math.max(4, ...s.tools.map((t) => t.tool.length));
    ctx.stdout(`\n${'tool'.padEnd(w)}  calls  errors  median ms  max ms\n`);
    for (const t of s.tools)
      ctx.stdout(
        `${t.tool.padEnd(w)}  ${String(t.calls).padStart(5)}  ${String(t.errors).padStart(6)}  ${String(t.medianMs).padStart(9)}  ${String(t.maxMs).padStart(6)}\n`,
      );
  }
  if (s.recent.length > 0) {
    ctx.stdout(`\nlast ${s.recent.length} call(s):\n`);
    for (const r of s.recent) {
      ctx.stdout(
        `${r.time}  ${r.tool}  ${r.outcome}  ${r.durationMs} ms  ${r.resultChars} chars  ${JSON.stringify(r.args ?? {})}${r.error ? `  ${r.error}` : ''}\n`,
      );
    }
  }
}

/**
 * An MCP client starts the server from wherever it likes (Claude Desktop: `/`).
 * An explicit --root or API_HUB_ROOT wins; otherwise the current directory if
 * it holds the hub's data, else the package the binary belongs to.
 */
function chooseRoot(ctx: CliContext, flag: string | undefined): string {
  if (flag !== undefined) return resolve(ctx.root, flag);
  if (ctx.env.API_HUB_ROOT) return ctx.root;
  if (existsSync(join(ctx.root, 'data', 'model_registry.json'))) return ctx.root;
  if (existsSync(join(PACKAGE_ROOT, 'data', 'model_registry.json'))) return PACKAGE_ROOT;
  return ctx.root;
}

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import type { SetExit } from './index.js';
import { ExitCode, HubError } from '../../core/errors.js';

interface McpFlags {
  allowPush?: boolean;
  budget?: string;
  root?: string;
}

/** The package directory (bin/, dist/, data/, specs/): dist/cli/commands/mcp.js is three levels down. */
const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export function registerMcp(program: Command, ctx: CliContext, setExit: SetExit): void {
  program
    .command('mcp')
    .description('MCP server on stdio over the model registry and the unified spec (read-only unless --allow-push)')
    .option('--allow-push', 'also offer the push_to_apidog tool (destructive: it changes the Apidog project)')
    .option('--budget <chars>', 'largest tool result in characters (default 20000)')
    .option('--root <dir>', 'project root (default: API_HUB_ROOT, else the current directory when it has data/model_registry.json, else this package)')
    .addHelpText(
      'after',
      `
stdout carries only MCP messages; logs go to stderr. The registry and specs/openapi.yaml load
once, in the background after the client connects. For a client config, see the README
(Claude Desktop, Cursor, VS Code).

Examples:
  api-hub mcp
  npx @modelcontextprotocol/inspector node bin/api-hub.js mcp`,
    )
    .action(async (flags: McpFlags) => {
      const budget = flags.budget === undefined ? undefined : Number(flags.budget);
      if (budget !== undefined && (!Number.isInteger(budget) || budget < 1000)) throw new HubError(`--budget must be a whole number of characters, at least 1000 (got ${JSON.stringify(flags.budget)})`);
      const root = chooseRoot(ctx, flags.root);
      const { serveStdio } = await import('../../mcp/index.js');
      const handle = await serveStdio({ root, allowPush: flags.allowPush ?? false, env: ctx.env, log: (line) => ctx.stderr(`[api-hub mcp] ${line}\n`), ...(budget !== undefined ? { budget } : {}) });
      await handle.closed;
      setExit(ExitCode.ok);
    });
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

import { resolve } from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { withDotEnv, type Env } from '../core/env.js';
import { DEFAULT_BUDGET, MIN_BUDGET } from './budget.js';
import { HubCatalog } from '../project/catalog/hub-data.js';
import type { PushFn, ToolContext } from './context.js';
import { pushWithProjectConfig } from './push.js';
import { registerResources } from './resources.js';
import { registerDiffSpecs } from './tools/diff-specs.js';
import { registerEstimateCost } from './tools/estimate-cost.js';
import { registerGetModel } from './tools/get-model.js';
import { registerOperationTools } from './tools/operations.js';
import { registerPushToApidog } from './tools/push-to-apidog.js';
import { registerSearchModels } from './tools/search-models.js';
import { registerValidateSpec } from './tools/validate-spec.js';
import { AuditLog, describeResult, redactArgs, redactText } from './audit.js';
import { makeRedactor } from '../core/redact.js';
import { secretValues } from '../core/env.js';

export const SERVER_NAME = 'bananastudio-api-hub';
export const SERVER_VERSION = '0.1.0';

export interface HubServerOptions {
  /** Project root: where data/model_registry.json and specs/ are. File paths given to tools are confined to it. */
  root: string;
  /** Largest tool result, in characters (default 20,000; at least 1,000). */
  budget?: number;
  /** Register the `push_to_apidog` tool (destructive). Off by default: the server is read-only. */
  allowPush?: boolean;
  /** Environment for FAL_API_KEY / FAL_KEY / FAL_API_BASE_URL and the Apidog variables; default `process.env`. Read on first use. */
  env?: Env;
  /** Layer `<root>/.env` under `env` (default true; a variable set in `env` wins). */
  dotEnv?: boolean;
  /** For live estimates (tests inject one). */
  fetch?: typeof globalThis.fetch;
  /** Registry data instead of data/model_registry.json (tests). */
  registry?: unknown;
  /** Unified document instead of specs/openapi.yaml (tests). */
  spec?: unknown;
  /** A catalog to share (e.g. one already warming up). */
  catalog?: HubCatalog;
  /** A push implementation instead of the `api-hub push` library with the project's config (tests). */
  push?: PushFn;
  /** Log sink; default one line to stderr. Never stdout, the protocol channel. */
  log?: (line: string) => void;
  /**
   * The audit log of tool calls (JSON lines; a path, relative to the root or
   * absolute), or false for none. `api-hub mcp` passes `.api-hub/mcp-audit.jsonl`
   * unless told `--audit-log off`; the library default is none.
   */
  auditLog?: string | false;
  /** Rotate the audit log past this size (default 5 MB). */
  auditMaxBytes?: number;
}

export const TOOL_NAMES = ['search_models', 'get_model', 'search_operations', 'get_operation', 'validate_spec', 'diff_specs', 'estimate_cost'] as const;
export const PUSH_TOOL = 'push_to_apidog';

/**
 * The hub's MCP server. Side-effect free: nothing is read, loaded or started
 * here; the registry and the spec load on first use (see HubCatalog), and the
 * caller connects a transport (stdio in `api-hub mcp`, in-memory in tests).
 */
export function createServer(options: HubServerOptions): McpServer {
  const root = resolve(options.root);
  const budget = Math.max(MIN_BUDGET, Math.floor(options.budget ?? DEFAULT_BUDGET));
  const catalog = options.catalog ?? new HubCatalog({ root, registry: options.registry, spec: options.spec });
  const log = options.log ?? ((line: string) => void process.stderr.write(`[api-hub mcp] ${line}\n`));
  let envPromise: Promise<Env> | undefined;
  const ctx: ToolContext = {
    root,
    catalog,
    budget,
    env: () => (envPromise ??= options.dotEnv === false ? Promise.resolve(options.env ?? process.env) : withDotEnv(root, options.env ?? process.env)),
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    log,
    push: options.push ?? pushWithProjectConfig,
  };
  const server = new McpServer(
    { name: SERVER_NAME, title: 'BananaStudio API Hub', version: SERVER_VERSION },
    {
      instructions:
        'Offline knowledge of every AI model the studio uses (FAL and Comet API): search_models and get_model for models, their input/output schemas and prices; ' +
        'search_operations and get_operation for the unified OpenAPI spec; validate_spec and diff_specs for OpenAPI documents; estimate_cost for FAL prices. ' +
        `Results are limited to about ${budget} characters; larger ones are paged (offset / nextOffset).`,
    },
  );
  if (options.auditLog)
    auditTools(
      server,
      new AuditLog(resolve(root, options.auditLog), { warn: log, ...(options.auditMaxBytes ? { maxBytes: options.auditMaxBytes } : {}) }),
      ctx.env,
    );
  registerSearchModels(server, ctx);
  registerGetModel(server, ctx);
  registerOperationTools(server, ctx);
  registerValidateSpec(server, ctx);
  registerDiffSpecs(server, ctx);
  registerEstimateCost(server, ctx);
  if (options.allowPush) registerPushToApidog(server, ctx);
  registerResources(server, ctx);
  return server;
}

/**
 * Record every tool call in the audit log: each tool registered from here on
 * is wrapped, so no tool can be added without being audited. Arguments and
 * error lines have secrets masked (known key values and key-shaped strings).
 */
function auditTools(server: McpServer, log: AuditLog, env: () => Promise<Env>): void {
  const register: McpServer['registerTool'] = server.registerTool.bind(server);
  const audited: McpServer['registerTool'] = (name, config, cb) => {
    const wrapped: typeof cb = (async (...args: Parameters<typeof cb>) => {
      const started = performance.now();
      const time = new Date().toISOString();
      const redact = makeRedactor(secretValues(await env().catch(() => ({}))));
      const record = (outcome: 'ok' | 'error' | 'exception', chars: number, error?: string): void =>
        log.write({
          time,
          tool: name,
          args: redactArgs(args[0], redact),
          outcome,
          durationMs: Math.round(performance.now() - started),
          resultChars: chars,
          ...(error === undefined ? {} : { error: redactText(error, redact).slice(0, 300) }),
        });
      try {
        const result = await (cb as (...a: Parameters<typeof cb>) => unknown)(...args);
        const d = describeResult(result);
        record(d.isError ? 'error' : 'ok', d.chars, d.isError ? d.first : undefined);
        return result;
      } catch (err) {
        record('exception', 0, (err as Error)?.message ?? String(err));
        throw err;
      }
    }) as typeof cb;
    return register(name, config, wrapped);
  };
  server.registerTool = audited;
}

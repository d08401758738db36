import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolContext } from '../context.js';
import { errorResult, json, problemLines, textResult } from '../result.js';
import { guarded } from './shared.js';
import { runValidation } from './validate-spec.js';
import { HubError } from '../../core/errors.js';
import { isObject } from '../../core/json.js';

export const pushInput = {
  path: z
    .string()
    .optional()
    .describe('The OpenAPI file to push, relative to the project root (default "specs/openapi.yaml"). Paths outside the project root are refused.'),
  dryRun: z
    .boolean()
    .optional()
    .describe('Only validate and show what would be sent (size, endpoints and schemas, endpoints per folder, import options); push nothing. Default false.'),
};

/**
 * The one write tool, registered only when the server is started with
 * `allowPush` (`api-hub mcp --allow-push`). It validates first and pushes
 * only a document without errors.
 */
export function registerPushToApidog(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'push_to_apidog',
    {
      title: 'Push the spec to Apidog',
      description:
        'Import an OpenAPI file of this project into the Apidog project (APIDOG_ACCESS_TOKEN, APIDOG_PROJECT_ID), as `api-hub push` does: updating endpoints in place, or as the push: section of api-hub.config.yaml says. ' +
        'The document is validated first and nothing is pushed when it has errors. This changes the Apidog project: use dryRun=true to preview.',
      inputSchema: pushInput,
      annotations: { title: 'Push to Apidog', readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
    },
    (args) =>
      guarded(ctx, 'push_to_apidog', async () => {
        const run = await runValidation(ctx, { path: args.path ?? 'specs/openapi.yaml' });
        if (!run.ok) return run.error;
        const { result, file, validated } = run;
        if (result.fatal || result.errorCount > 0) {
          const first = result.problems.filter((p) => p.severity === 'error').slice(0, 10);
          return errorResult(
            `Not pushed: ${file} does not validate (${result.errorCount} errors, ${result.warningCount} warnings). Fix these first (validate_spec lists them all):\n` +
              problemLines(first, file),
            [],
            ctx.budget,
          );
        }
        const dryRun = args.dryRun ?? false;
        ctx.log(`push_to_apidog: pushing ${file}${dryRun ? ' (dry run)' : ''}`);
        let outcome: unknown;
        try {
          outcome = await ctx.push({ root: ctx.root, file, dryRun, env: await ctx.env(), ...(validated ? { validated } : {}) });
        } catch (err) {
          if (!(err instanceof HubError)) throw err;
          ctx.log(`push_to_apidog: not pushed: ${err.message.split('\n')[0] ?? ''}`);
          return errorResult(`Not pushed: ${err.message}`, [], ctx.budget);
        }
        const answer = textResult(json({ pushed: !dryRun, dryRun, file, warnings: result.warningCount, result: outcome }));
        // Sent, but Apidog could not import everything: the counters and errors say what failed.
        return isObject(outcome) && outcome.status === 'failed' ? { ...answer, isError: true } : answer;
      }),
  );
}

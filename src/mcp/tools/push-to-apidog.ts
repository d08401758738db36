import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolContext } from '../context.js';
import { errorResult, json, textResult } from '../result.js';
import { guarded } from './shared.js';
import { runValidation } from './validate-spec.js';
import { HubError } from '../../core/errors.js';

export const pushInput = {
  path: z.string().optional().describe('The OpenAPI file to push, relative to the project root (default "specs/openapi.yaml"). Paths outside the project root are refused.'),
  dryRun: z.boolean().optional().describe('Only show what would be sent and what would change in Apidog; push nothing. Default false.'),
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
        'Import an OpenAPI file of this project into the Apidog project (APIDOG_ACCESS_TOKEN, APIDOG_PROJECT_ID), updating endpoints in place. ' +
        'The document is validated first and nothing is pushed when it has errors. This changes the Apidog project: use dryRun=true to preview.',
      inputSchema: pushInput,
      annotations: { title: 'Push to Apidog', readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
    },
    (args) =>
      guarded(ctx, 'push_to_apidog', async () => {
        const run = await runValidation(ctx, { path: args.path ?? 'specs/openapi.yaml' });
        if (!run.ok) return run.error;
        const { result, file } = run;
        if (result.fatal || result.errorCount > 0) {
          const first = result.problems.filter((p) => p.severity === 'error').slice(0, 10);
          return errorResult(
            `Not pushed: ${file} does not validate (${result.errorCount} errors, ${result.warningCount} warnings). Fix these first (validate_spec lists them all):\n` +
              first.map((p) => `- ${p.file ?? file}:${p.line ?? 1}:${p.column ?? 1} ${p.message} [${p.ruleId}]`).join('\n'),
            [],
            ctx.budget,
          );
        }
        let push;
        try {
          push = await ctx.loadPush();
        } catch (err) {
          return errorResult(`Not pushed: ${(err as Error).message}`, [], ctx.budget);
        }
        if (!push) {
          return errorResult(
            `Not pushed: pushing to Apidog is not built yet in this version of api-hub (no src/push). ${file} validated (${result.errorCount} errors, ${result.warningCount} warnings), so it is ready once push exists. Meanwhile, import it in Apidog by hand (Import > OpenAPI).`,
            [],
            ctx.budget,
          );
        }
        const { readDataFile } = await import('../../core/read.js');
        const { resolve } = await import('node:path');
        let document: unknown;
        try {
          document = (await readDataFile(resolve(ctx.root, file), file)).data;
        } catch (err) {
          if (err instanceof HubError) return errorResult(err.message, [], ctx.budget);
          throw err;
        }
        ctx.log(`push_to_apidog: pushing ${file}${args.dryRun ? ' (dry run)' : ''}`);
        const outcome = await push({ root: ctx.root, file, document, dryRun: args.dryRun ?? false, env: await ctx.env() });
        return textResult(json({ pushed: !(args.dryRun ?? false), dryRun: args.dryRun ?? false, file, warnings: result.warningCount, result: outcome }));
      }),
  );
}

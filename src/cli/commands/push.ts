import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import type { SetExit } from './index.js';
import { ExitCode, HubError } from '../../core/errors.js';
import { redactError } from '../../core/redact.js';

interface PushFlags {
  dryRun?: boolean;
  json?: boolean;
  depth: string;
}

export function registerPush(program: Command, ctx: CliContext, setExit: SetExit): void {
  program
    .command('push')
    .description('validate specs/openapi.yaml and import it into Apidog, updating endpoints in place (APIDOG_ACCESS_TOKEN, APIDOG_PROJECT_ID)')
    .option('--dry-run', 'validate and show what would be sent (size, options, endpoints per folder); send nothing')
    .option('--json', 'print the outcome as one JSON object')
    .option('--depth <n>', 'folder levels summed in the --dry-run listing', '2')
    .addHelpText(
      'after',
      '\nConfiguration: the `push:` section of api-hub.config.yaml (endpointOverwriteBehavior, schemaOverwriteBehavior,\n' +
        'deleteUnmatchedResources, ...); defaults update in place. Environment (or .env): APIDOG_ACCESS_TOKEN,\n' +
        'APIDOG_PROJECT_ID, APIDOG_API_BASE_URL. Exit 0 pushed, 1 the document has errors or Apidog reports failures,\n' +
        '2 Apidog refused the request (401/403/404/422) or could not be reached.',
    )
    .action(async (flags: PushFlags) => {
      setExit(await runPush(ctx, flags));
    });
}

async function runPush(ctx: CliContext, flags: PushFlags): Promise<number> {
  const depth = Number(flags.depth);
  if (!Number.isInteger(depth) || depth < 1) throw new HubError(`--depth must be a whole number >= 1, not ${JSON.stringify(flags.depth)}`);
  // Loaded on use: the validators and the push library cost start-up time other commands must not pay.
  const [{ withDotEnv, secretValues, envValue }, { loadPushConfig }, { specValidator }, push, { formatStylish }] = await Promise.all([
    import('../../core/env.js'),
    import('../../project/config.js'),
    import('../../project/validation.js'),
    import('../../push/index.js'),
    import('../../validate/index.js'),
  ]);
  const env = await withDotEnv(ctx.root, ctx.env);
  const redact = push.makeRedactor([envValue(env, 'APIDOG_ACCESS_TOKEN'), ...secretValues(env)]);
  const out = (text: string): void => ctx.stdout(redact(text));
  const err = (text: string): void => ctx.stderr(redact(text));

  const config = await loadPushConfig(ctx.root);

  let outcome: Awaited<ReturnType<typeof push.pushToApidog>>;
  try {
    outcome = await push.pushToApidog({
      root: ctx.root,
      env,
      config: config.push,
      validate: specValidator(config),
      dryRun: flags.dryRun === true,
      http: {
        onRetry: (n) => {
          if (!ctx.quiet) err(`api-hub: ${n.reason}; attempt ${n.attempt} of ${n.of} in ${(n.waitMs / 1000).toFixed(1)} s\n`);
        },
      },
    });
  } catch (e) {
    throw redactError(e, redact);
  }

  const { validation, spec } = outcome;
  if (flags.json) out(JSON.stringify(push.outcomeSummary(outcome), null, 2) + '\n');
  const validated = `${spec}: ${validation.errorCount} errors, ${validation.warningCount} warnings (validated in ${outcome.validateMs} ms)`;
  if (outcome.status === 'invalid') {
    err(formatStylish(validation));
    err(
      `api-hub: refusing to push ${spec}: ${validation.fatal ? 'it cannot be read or parsed as OpenAPI' : `it has ${validation.errorCount} validation error${validation.errorCount === 1 ? '' : 's'}`}. Nothing was sent.\n`,
    );
    return validation.fatal ? ExitCode.failure : ExitCode.findings;
  }

  const { plan, target } = outcome;
  if (outcome.status === 'dry-run') {
    if (!flags.json) {
      if (!ctx.quiet) out(`validated ${validated}\n`);
      out(push.formatPlan(spec, plan, target, depth));
    }
    return ExitCode.ok;
  }

  const { result } = outcome;
  if (!flags.json) {
    if (!ctx.quiet) out(`validated ${validated}\n`);
    out(
      `Imported ${spec} (${push.formatBytes(plan.bytes)}, ${plan.endpoints} endpoints, ${plan.schemas} schemas) into Apidog project ${target.projectId ?? ''} in ${outcome.requestMs} ms:\n`,
    );
    out(push.formatCounters(result));
  }
  if (result.noCounters) err("api-hub: warning: Apidog's answer has no counters, so what was imported is unknown; check the project in Apidog.\n");
  if (result.failed) {
    err('api-hub: Apidog could not import everything (see the failed counters and errors above).\n');
    return ExitCode.findings;
  }
  return ExitCode.ok;
}

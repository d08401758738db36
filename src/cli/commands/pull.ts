import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import type { SetExit } from './index.js';
import { ExitCode, HubError } from '../../core/errors.js';
import { redactError } from '../../core/redact.js';

interface PullFlags {
  output: string;
  diff?: string | boolean;
  format: 'text' | 'json' | 'markdown';
  failOn?: 'breaking';
}

export const DEFAULT_PULL_OUTPUT = 'apidog/openapi.json';

export function registerPull(program: Command, ctx: CliContext, setExit: SetExit): void {
  program
    .command('pull')
    .description('export the Apidog project (OpenAPI 3.1, JSON) to a file; with --diff, show how it drifted from the repository')
    .option('-o, --output <file>', 'where the exported document goes', DEFAULT_PULL_OUTPUT)
    .option('--diff [file]', 'compare the repository document (default: push.spec, specs/openapi.yaml) with the export')
    .addOption(new Option('--format <format>', 'diff output format').choices(['text', 'json', 'markdown']).default('text'))
    .addOption(new Option('--fail-on <what>', 'with --diff: exit 1 when changes of this kind are found').choices(['breaking']))
    .addHelpText('after', '\nThe same drift, later or on another file:\n  api-hub diff specs/openapi.yaml apidog/openapi.json')
    .action(async (flags: PullFlags) => {
      setExit(await runPull(ctx, flags));
    });
}

async function runPull(ctx: CliContext, flags: PullFlags): Promise<number> {
  const [{ withDotEnv, secretValues, envValue }, { loadPushConfig }, push, { writeFileAtomic }, { displayPath }] = await Promise.all([
    import('../../core/env.js'),
    import('../../project/config.js'),
    import('../../push/index.js'),
    import('../../core/fs.js'),
    import('../../core/paths.js'),
  ]);
  const env = await withDotEnv(ctx.root, ctx.env);
  const redact = push.makeRedactor([envValue(env, 'APIDOG_ACCESS_TOKEN'), ...secretValues(env)]);
  const config = await loadPushConfig(ctx.root, 'nothing was pulled');

  let pulled: Awaited<ReturnType<typeof push.pullFromApidog>>;
  try {
    pulled = await push.pullFromApidog({
      env,
      locale: config.push.locale,
      http: {
        onRetry: (n) => {
          if (!ctx.quiet) ctx.stderr(redact(`api-hub: ${n.reason}; attempt ${n.attempt} of ${n.of} in ${(n.waitMs / 1000).toFixed(1)} s\n`));
        },
      },
    });
  } catch (e) {
    throw redactError(e, redact);
  }
  const outPath = resolve(ctx.root, flags.output);
  const text = JSON.stringify(pulled.document, null, 2) + '\n';
  await writeFileAtomic(outPath, text);
  const shown = displayPath(ctx.root, outPath);
  const paths = typeof pulled.document.paths === 'object' && pulled.document.paths !== null ? Object.keys(pulled.document.paths).length : 0;
  // Status on stderr: stdout carries only the diff, so `--format json` stays parseable.
  if (!ctx.quiet)
    ctx.stderr(
      redact(`Pulled Apidog project ${pulled.projectId} (${paths} paths, ${push.formatBytes(Buffer.byteLength(text))}) to ${shown} in ${pulled.ms} ms\n`),
    );

  if (flags.diff === undefined || flags.diff === false) return ExitCode.ok;
  const against = typeof flags.diff === 'string' ? flags.diff : config.push.spec;
  const [{ readDataFile }, { isObject }, diff] = await Promise.all([import('../../core/read.js'), import('../../core/json.js'), import('../../diff/index.js')]);
  const againstPath = resolve(ctx.root, against);
  const { data } = await readDataFile(againstPath, displayPath(ctx.root, againstPath));
  if (!isObject(data) || !(typeof data.openapi === 'string' || typeof data.swagger === 'string')) throw new HubError(`${against}: not an OpenAPI document`);
  const result = diff.diffDocuments(data, pulled.document);
  if (!ctx.quiet && flags.format === 'text') ctx.stderr(`Drift from ${displayPath(ctx.root, againstPath)} (old) to Apidog (new):\n`);
  const formatted =
    flags.format === 'json' ? diff.formatDiffJson(result) : flags.format === 'markdown' ? diff.formatDiffMarkdown(result) : diff.formatDiffText(result);
  ctx.stdout(redact(formatted));
  return flags.failOn === 'breaking' && result.breaking > 0 ? ExitCode.findings : ExitCode.ok;
}

import type { Command } from 'commander';
import { performance } from 'node:perf_hooks';
import type { CliContext } from '../context.js';
import type { SetExit } from './index.js';
import { ExitCode } from '../../core/errors.js';
import { threadOption, threadsSetting } from '../threads.js';

/**
 * `npm start`: build → validate → generate on the committed snapshot, offline,
 * then one summary. The built document is handed to generate in memory.
 */
export function registerStart(program: Command, ctx: CliContext, setExit: SetExit): void {
  program
    .command('start')
    .description('run build, validate and generate on the committed snapshot (offline) and print a summary')
    .option('--no-cache', "do not read or write generate's result cache (node_modules/.cache/api-hub/)")
    .action(async (flags: { cache: boolean }) => {
      const started = performance.now();
      // Generate gets a thread of its own, started now: it loads the generator while this one builds
      // (API_HUB_THREADS=0 or 1: everything on this one).
      const threadSetting = threadsSetting(ctx.env.API_HUB_THREADS);
      const threads = threadSetting === false ? undefined : await import('../../project/generate-thread.js');
      const thread = threads?.startGenerateThread();
      const [{ runBuild }, { loadConfig }, { validateInProject }, { formatStylish }, { emitGenerated, generateCache }, { projectPaths, displayPath }] =
        await Promise.all([
          import('../../project/build-run.js'),
          import('../../project/config.js'),
          import('../../project/validation.js'),
          import('../../validate/format/stylish.js'),
          import('./generate.js'),
          import('../../core/paths.js'),
        ]);
      const p = projectPaths(ctx.root);
      const step = (name: string) => {
        if (!ctx.quiet) ctx.stderr(`› ${name}\n`);
      };

      step('build');
      const unified = displayPath(ctx.root, p.unified);
      const feed = thread && threads ? threads.feedThread(thread, { source: unified, indexPath: p.unifiedIndex, cache: flags.cache }) : undefined;
      // One configuration for both stages: the build's keys, and the rules validate applies (redocly.yaml, ignore file).
      const project = await loadConfig(ctx.root);
      const build = await runBuild(ctx.root, { project, ...(feed ? { onDocument: feed.onDocument } : {}) });
      const s = build.report.summary;

      step('validate and generate');
      // Generate runs on its thread (given the document by the build) while this one validates.
      const quietCtx = { ...ctx, quiet: true };
      // The result cache is keyed by the YAML the build wrote: an unchanged document and generator write nothing.
      const cache = flags.cache ? generateCache(ctx.root, build.unifiedSha256) : undefined;
      const generating = emitGenerated(quietCtx, build.document, {
        source: unified,
        outDir: p.generated,
        check: false,
        ...(cache ? { cache } : {}),
        ...(thread && feed ? { produce: feed.produce, onCached: () => thread.cancel() } : {}),
      });
      generating.catch(() => undefined);
      // The project's rules (redocly.yaml, ignore file): the verdict `api-hub validate` gives.
      // What the build just wrote, from memory: no read or parse of the 5 MB document again.
      const { builtSource } = await import('../../project/built-source.js');
      const validation = await validateInProject(project, [p.unified], { ...builtSource(build, p.unified), ...threadOption(threadSetting) });
      if (validation.errorCount > 0 || validation.fatal) ctx.stdout(formatStylish(validation));
      const genExit = await generating.finally(() => thread?.stop());

      const fal = s.sources.fal;
      const { fal: falModels, comet: cometModels } = build.models;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      ctx.stdout(
        [
          `models:     ${falModels + cometModels} (FAL ${falModels}, ${fal?.included ?? 0} with a document, ${fal?.excluded ?? 0} left out; Comet ${cometModels})`,
          `operations: ${s.operations} on ${s.paths} paths`,
          `schemas:    ${s.components.schemas ?? 0} (${s.sharedComponents} shared across models, ${s.renamedComponents} renamed to avoid clashes)`,
          `problems:   ${validation.errorCount} error(s), ${validation.warningCount} warning(s) in ${unified}; build report: ${Object.values(s.findings).reduce((a, b) => a + b, 0)} finding(s) in specs/build-report.json`,
          `outputs:    ${build.outputs.map((o) => `${o.file}${o.changed ? ' (updated)' : ''}`).join(', ')}, generated/`,
          `done in ${seconds} s`,
        ].join('\n') + '\n',
      );
      const exit = validation.fatal ? ExitCode.failure : validation.errorCount > 0 ? ExitCode.findings : genExit;
      setExit(exit);
    });
}

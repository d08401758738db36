import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import type { CliContext } from '../context.js';
import type { SetExit } from './index.js';
import { ExitCode, HubError } from '../../core/errors.js';

interface DiffCliOptions {
  format: 'text' | 'json' | 'markdown' | 'github';
  failOn?: 'breaking';
}

export function registerDiff(program: Command, ctx: CliContext, setExit: SetExit): void {
  program
    .command('diff <old> <new>')
    .description(
      'classify the changes between two OpenAPI documents (2.0, 3.0, 3.1) as breaking or not, grouped by provider and model, each naming its property path',
    )
    .addOption(
      new Option('--format <format>', 'output format (github: annotations for a pull request)').choices(['text', 'json', 'markdown', 'github']).default('text'),
    )
    .addOption(new Option('--fail-on <what>', 'exit 1 when changes of this kind are found').choices(['breaking']))
    .addHelpText(
      'after',
      '\nBoth documents are upgraded as the build upgrades them (Swagger 2.0 and OpenAPI 3.0 to 3.1) before they are compared, so parameter types, basePath/host and servers are compared too.\n' +
        'A change inside a component that several operations use is reported once, naming the component and the operations.\n' +
        '\nExamples:\n  git show HEAD~1:specs/openapi.yaml > /tmp/old.yaml\n  api-hub diff /tmp/old.yaml specs/openapi.yaml --format markdown --fail-on breaking\n  api-hub diff /tmp/old.yaml specs/openapi.yaml --format github   # in a GitHub Actions step',
    )
    .action(async (oldFile: string, newFile: string, opts: DiffCliOptions) => {
      const [{ readDataFile }, { displayPath }, diff] = await Promise.all([
        import('../../core/read.js'),
        import('../../core/paths.js'),
        import('../../diff/index.js'),
      ]);
      const load = async (f: string) => {
        const abs = resolve(ctx.root, f);
        const read = await readDataFile(abs, displayPath(ctx.root, abs));
        if (!diff.isOpenApi(read.data)) throw new HubError(`${f}: not an OpenAPI document`);
        return { ...read, data: read.data, display: displayPath(ctx.root, abs) };
      };
      const [a, b] = await Promise.all([load(oldFile), load(newFile)]);
      const result = await diff.diffOpenApi(a.data, b.data);
      let text: string;
      if (opts.format === 'github') {
        const { locatePointers } = await import('../../core/positions.js');
        const positions = locatePointers(
          b.text,
          b.format,
          result.changes.filter((c) => c.breaking).map((c) => c.pointer),
        );
        text = diff.formatDiffGithub(result, b.display, (c) => positions.get(c.pointer));
      } else
        text =
          opts.format === 'json' ? diff.formatDiffJson(result) : opts.format === 'markdown' ? diff.formatDiffMarkdown(result) : diff.formatDiffText(result);
      ctx.stdout(text);
      if (opts.failOn === 'breaking' && result.breaking > 0) setExit(ExitCode.findings);
    });
}

import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import type { CliContext } from '../context.js';
import type { SetExit } from './index.js';
import { ExitCode, HubError } from '../../core/errors.js';

interface DiffCliOptions {
  format: 'text' | 'json' | 'markdown';
  failOn?: 'breaking';
}

export function registerDiff(program: Command, ctx: CliContext, setExit: SetExit): void {
  program
    .command('diff <old> <new>')
    .description('classify the changes between two OpenAPI documents as breaking or not, grouped by provider and model')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
    .addOption(new Option('--fail-on <what>', 'exit 1 when changes of this kind are found').choices(['breaking']))
    .addHelpText('after', '\nExamples:\n  git show HEAD~1:specs/openapi.yaml > /tmp/old.yaml\n  api-hub diff /tmp/old.yaml specs/openapi.yaml --format markdown --fail-on breaking')
    .action(async (oldFile: string, newFile: string, opts: DiffCliOptions) => {
      const [{ readDataFile }, { displayPath }, { isObject }, diff] = await Promise.all([
        import('../../core/read.js'),
        import('../../core/paths.js'),
        import('../../core/json.js'),
        import('../../diff/index.js'),
      ]);
      const load = async (f: string) => {
        const abs = resolve(ctx.root, f);
        const { data } = await readDataFile(abs, displayPath(ctx.root, abs));
        if (!isObject(data) || !(typeof data.openapi === 'string' || typeof data.swagger === 'string')) throw new HubError(`${f}: not an OpenAPI document`);
        return data;
      };
      const [a, b] = await Promise.all([load(oldFile), load(newFile)]);
      const result = diff.diffDocuments(a, b);
      const text = opts.format === 'json' ? diff.formatDiffJson(result) : opts.format === 'markdown' ? diff.formatDiffMarkdown(result) : diff.formatDiffText(result);
      ctx.stdout(text);
      if (opts.failOn === 'breaking' && result.breaking > 0) setExit(ExitCode.findings);
    });
}

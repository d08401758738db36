import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import type { SetExit } from './index.js';
import { ExitCode } from '../../core/errors.js';

interface BuildCliOptions {
  check?: boolean;
  danglingRefs?: 'patch' | 'quarantine';
  disablePass?: string[];
}

export function registerBuild(program: Command, ctx: CliContext, setExit: SetExit): void {
  program
    .command('build')
    .description('merge specs/providers/** into one OAS 3.1 document: specs/openapi.yaml (+ specs/build-report.json)')
    .option('--check', 'write nothing; exit 1 if the committed outputs are stale')
    .addOption(
      new Option(
        '--dangling-refs <policy>',
        'what to do with $refs to missing components (default: build.danglingRefs of api-hub.config.yaml, else patch)',
      ).choices(['patch', 'quarantine']),
    )
    .option('--disable-pass <name...>', 'switch off a normalization pass (see specs/build-report.json "passes")')
    .addHelpText(
      'after',
      '\nFurther providers (any OpenAPI 2.0-3.2 document, by path or URL, single- or multi-file) are declared under\n' +
        '`providers:` in api-hub.config.yaml; overlays in specs/overlays/ are applied to the merged document.\n' +
        '\nExamples:\n  api-hub build\n  api-hub build --check          # in CI: fail when specs/openapi.yaml is stale\n  api-hub build --disable-pass non-standard-keywords',
    )
    .action(async (opts: BuildCliOptions) => {
      const { runBuild } = await import('../../project/build-run.js');
      const r = await runBuild(ctx.root, { check: opts.check, danglingRefs: opts.danglingRefs, disable: opts.disablePass });
      const s = r.report.summary;
      if (opts.check) {
        if (r.stale.length > 0) {
          ctx.stderr(`api-hub build --check: stale output (run \`npm run build:oas\` and commit):\n${r.stale.map((f) => `  ${f}\n`).join('')}`);
          setExit(ExitCode.findings);
        } else if (!ctx.quiet) ctx.stdout('build outputs are up to date\n');
        return;
      }
      if (ctx.quiet) return;
      const providers = Object.entries(s.sources)
        .map(([name, c]) => `${name} ${c.included} document(s)${c.excluded ? `, ${c.excluded} left out` : ''}`)
        .join('; ');
      const quirks = Object.entries(s.findings)
        .map(([rule, n]) => `${rule} ${n}`)
        .join(', ');
      ctx.stdout(
        `built ${s.paths} paths, ${s.operations} operations, ${s.components.schemas ?? 0} schemas (${s.sharedComponents} shared, ${s.renamedComponents} renamed) from ${providers}\n` +
          `report: ${quirks || 'no quirks'}\n` +
          r.outputs.map((o) => `  ${o.changed ? 'wrote' : 'unchanged'} ${o.file} (${(o.bytes / 1024).toFixed(0)} KiB)\n`).join(''),
      );
      for (const e of r.report.excluded) ctx.stdout(`  left out ${e.provider}:${e.id}: ${e.reason}\n`);
      for (const f of r.report.findings) if (f.severity === 'warn' && f.provider === 'overlays') ctx.stdout(`  ${f.sourceId}: ${f.message}\n`);
    });
}

import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import type { SetExit } from './index.js';
import { ExitCode } from '../../core/errors.js';
import type { TraceResult } from '../../normalize/trace.js';

interface TraceCliOptions {
  file?: string;
  json?: boolean;
}

/**
 * `api-hub trace POINTER...`: which provider document a place in the unified
 * document came from (it reads the output of `build`, and is listed right after it).
 */
export function registerTrace(program: Command, ctx: CliContext, setExit: SetExit): void {
  program
    .command('trace')
    .description('trace a JSON pointer of specs/openapi.yaml (e.g. from `api-hub validate`) back to the provider documents it came from')
    .argument('<pointer...>', 'JSON pointers, e.g. /paths/~1fal-ai~1flux~1dev/post or /components/schemas/Image')
    .option('--file <path>', 'the unified document (default specs/openapi.yaml; the build report beside it is used when present)')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `\nExamples:\n${HELP_EXAMPLES.map((p) => `  api-hub trace ${p}`).join('\n')}\n\nEach provider document is given as file:line:col, where the pointer lies inside it. A pointer that is not in the document exits 1.`,
    )
    .action(async (pointers: string[], opts: TraceCliOptions) => {
      const [{ traceFile }] = await Promise.all([import('../../normalize/trace-file.js')]);
      const results = await traceFile(ctx.root, pointers, opts.file);
      if (opts.json) ctx.stdout(JSON.stringify(results, null, 2) + '\n');
      else for (const r of results) (r.kind === 'missing' ? ctx.stderr : ctx.stdout)(formatTrace(r));
      if (results.some((r) => r.kind === 'missing')) setExit(ExitCode.findings);
    });
}

/** Pointers into the committed specs/openapi.yaml (a test checks that they resolve there). */
export const HELP_EXAMPLES = ['/paths/~1fal-ai~1flux~1dev/post/requestBody', '/components/schemas/QueueStatus'] as const;

function formatTrace(r: TraceResult): string {
  const head = `${r.pointer}: ${r.kind === 'missing' ? 'not in the document' : r.kind === 'document' ? 'written by the hub itself (no provider source)' : `in ${r.kind} ${r.owner}`}\n`;
  const at = new Map((r.targets ?? []).map((t) => [t.file, t.line !== undefined ? `${t.file}:${t.line}:${t.column ?? 1}` : t.file] as const));
  const byFile = new Map<string, string>();
  for (const s of r.sources)
    byFile.set(s.file ?? s.provider, `${s.provider}${s.endpointId ? ` ${s.endpointId}` : ''}${s.file ? ` (${at.get(s.file) ?? s.file})` : ''}`);
  const lines = [...byFile.values()];
  const shown = lines
    .slice(0, 10)
    .map((l) => `  from ${l}\n`)
    .join('');
  const more = lines.length > 10 ? `  … and ${lines.length - 10} more provider document(s)\n` : '';
  return head + (r.note ? `  ${r.note}\n` : '') + shown + more;
}

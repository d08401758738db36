import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { PreValidated, ToolContext } from '../context.js';
import { fitListPage } from '../budget.js';
import { confinePath } from '../confine.js';
import { errorResult, json, textResult } from '../result.js';
import { guarded, limitField, offsetField, READ_ONLY } from './shared.js';
import type { FileReader } from '../../validate/io.js';
import type { ValidateResult } from '../../validate/types.js';
import { jsonProblem } from '../../validate/format/json.js';

/** Name an inline document is reported under (it is never written). */
export const INLINE_NAME = 'inline-document.yaml';
/** Largest inline text accepted (characters). */
export const MAX_INLINE = 10 * 1024 * 1024;

export const validateSpecInput = {
  path: z
    .string()
    .optional()
    .describe(
      'File to validate, relative to the project root (e.g. "specs/openapi.yaml", the default when neither path nor text is given). Paths outside the project root are refused.',
    ),
  text: z
    .string()
    .optional()
    .describe('An OpenAPI document (JSON or YAML text) to validate instead of a file. Relative $refs in it resolve from the project root.'),
  errorsOnly: z.boolean().optional().describe('Leave warnings out of the list (they are still counted). Default false.'),
  limit: limitField(50, 500),
  offset: offsetField,
};

/**
 * Validate a file inside the project root, or inline text, with the hub's
 * validator. Files the document's refs reach are read through a reader that
 * refuses anything outside the root (symbolic links included).
 */
export async function runValidation(
  ctx: ToolContext,
  args: { path?: string | undefined; text?: string | undefined },
): Promise<{ ok: true; result: ValidateResult; file: string; validated?: PreValidated } | { ok: false; error: CallToolResult }> {
  if (args.path !== undefined && args.text !== undefined) return { ok: false, error: errorResult('Give either path or text, not both.', [], ctx.budget) };
  const [{ nodeFileReader }, { loadConfig }, { validateInProject }] = await Promise.all([
    import('../../validate/io.js'),
    import('../../project/config.js'),
    import('../../project/validation.js'),
  ]);
  // The project's rules (redocly.yaml, ignore file): the verdict `api-hub validate` gives.
  const project = await loadConfig(ctx.root);
  const confined: FileReader = {
    read: async (p) => {
      const c = await confinePath(ctx.root, p);
      if (!c.ok) throw Object.assign(new Error('outside the project root'), { code: 'EACCES' });
      return nodeFileReader.read(c.path);
    },
  };
  if (args.text !== undefined) {
    if (args.text.length > MAX_INLINE)
      return {
        ok: false,
        error: errorResult(
          `The text is too large (${args.text.length} characters; the limit is ${MAX_INLINE}). Save it under the project root and pass path instead.`,
          [],
          ctx.budget,
        ),
      };
    const virtual = resolve(ctx.root, INLINE_NAME);
    const text = args.text;
    const reader: FileReader = { read: (p) => (p === virtual ? Promise.resolve(text) : confined.read(p)) };
    const result = await validateInProject(project, [virtual], { reader });
    return { ok: true, result, file: `${INLINE_NAME} (inline text)` };
  }
  const wanted = args.path ?? 'specs/openapi.yaml';
  const c = await confinePath(ctx.root, wanted);
  if (!c.ok) return { ok: false, error: errorResult(c.message, [], ctx.budget) };
  const s = await stat(c.path).catch(() => undefined);
  if (!s) return { ok: false, error: errorResult(`${c.display}: no such file under the project root.`, [], ctx.budget) };
  if (!s.isFile()) return { ok: false, error: errorResult(`${c.display} is not a file.`, [], ctx.budget) };
  // The file's text and data as validated: push_to_apidog hands them on, so that the push does not validate them again.
  let loaded: { text: string; data: unknown } | undefined;
  const result = await validateInProject(project, [c.path], {
    reader: confined,
    onRootLoaded: ({ text, data }) => {
      loaded = { text, data };
    },
  });
  return { ok: true, result, file: c.display, ...(loaded ? { validated: { ...loaded, result } } : {}) };
}

export function registerValidateSpec(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'validate_spec',
    {
      title: 'Validate an OpenAPI document',
      description:
        "Validate an OpenAPI 2.0/3.0/3.1/3.2 document with the hub's validator: structure against the official schemas and every $ref. " +
        'Give a file path inside the project (default specs/openapi.yaml) or the document text. ' +
        'Returns error and warning counts and the problems (rule, message, file, JSON pointer, line, column), paged: when "nextOffset" is not null, call again with offset=nextOffset.',
      inputSchema: validateSpecInput,
      annotations: { ...READ_ONLY, title: 'Validate spec' },
    },
    (args) =>
      guarded(ctx, 'validate_spec', async () => {
        const started = Date.now();
        const run = await runValidation(ctx, args);
        if (!run.ok) return run.error;
        const { result, file } = run;
        ctx.log(`validate_spec: ${file}: ${result.errorCount} errors, ${result.warningCount} warnings in ${Date.now() - started} ms`);
        const listed = args.errorsOnly ? result.problems.filter((p) => p.severity === 'error') : result.problems;
        const { text } = fitListPage(listed, args.offset ?? 0, args.limit ?? 50, ctx.budget, (page) =>
          json({
            file,
            valid: result.errorCount === 0 && !result.fatal,
            errorCount: result.errorCount,
            warningCount: result.warningCount,
            ...(result.fatal ? { fatal: 'The document could not be read or parsed, or is not OpenAPI; see the problems.' } : {}),
            total: page.total,
            offset: page.offset,
            returned: page.items.length,
            nextOffset: page.nextOffset,
            ...(page.shrunk
              ? {
                  note: `This page holds ${page.items.length} problems so that it fits the ${ctx.budget}-character budget; call again with offset=${page.nextOffset} for more.`,
                }
              : {}),
            problems: page.items.map((p) => ({ ...jsonProblem(p), ...(p.suggestion ? { suggestion: p.suggestion } : {}) })),
          }),
        );
        return textResult(text);
      }),
  );
}

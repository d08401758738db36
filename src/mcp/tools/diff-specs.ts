import { stat } from 'node:fs/promises';
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolContext } from '../context.js';
import { fitListPage } from '../budget.js';
import { confinePath } from '../confine.js';
import { errorResult, json, textResult } from '../result.js';
import { guarded, limitField, offsetField, READ_ONLY } from './shared.js';
import { isObject } from '../../core/json.js';
import { parseText } from '../../core/parse.js';
import { HubError } from '../../core/errors.js';

export const diffSpecsInput = {
  old: z.string().optional().describe('The old (base) OpenAPI document: a file path relative to the project root. Give this or oldText.'),
  new: z
    .string()
    .optional()
    .describe('The new OpenAPI document: a file path relative to the project root (default "specs/openapi.yaml" when neither new nor newText is given).'),
  oldText: z.string().optional().describe('The old document as JSON or YAML text, instead of old.'),
  newText: z.string().optional().describe('The new document as JSON or YAML text, instead of new.'),
  breakingOnly: z.boolean().optional().describe('List only breaking changes (both counts are still given). Default false.'),
  limit: limitField(50, 500),
  offset: offsetField,
};

type Side = { path?: string | undefined; text?: string | undefined; label: 'old' | 'new'; fallback?: string };

/** Load one side of a diff: a confined file (the cached unified spec when it is that file), or inline text. */
async function loadSide(ctx: ToolContext, side: Side): Promise<{ ok: true; doc: Record<string, unknown>; name: string } | { ok: false; message: string }> {
  if (side.path !== undefined && side.text !== undefined) return { ok: false, message: `Give either ${side.label} or ${side.label}Text, not both.` };
  let name: string;
  let data: unknown;
  if (side.text !== undefined) {
    name = `${side.label} (inline text)`;
    const parsed = parseText(side.text, name);
    if (!parsed.ok) return { ok: false, message: `${name}: ${parsed.problem.message}` };
    data = parsed.value.data;
  } else {
    const wanted = side.path ?? side.fallback;
    if (wanted === undefined) return { ok: false, message: `Give ${side.label} (a file path) or ${side.label}Text.` };
    const c = await confinePath(ctx.root, wanted);
    if (!c.ok) return { ok: false, message: c.message };
    const s = await stat(c.path).catch(() => undefined);
    if (!s?.isFile()) return { ok: false, message: `${c.display}: no such file under the project root.` };
    name = c.display;
    const spec = await ctx.catalog.specFile().catch(() => undefined);
    if (spec && c.path === ctx.catalog.paths.unified && spec.path === c.path) {
      data = (await ctx.catalog.spec()).document;
    } else {
      const { readDataFile } = await import('../../core/read.js');
      try {
        data = (await readDataFile(c.path, c.display)).data;
      } catch (err) {
        if (err instanceof HubError) return { ok: false, message: err.message };
        throw err;
      }
    }
  }
  if (!isObject(data) || !(typeof data.openapi === 'string' || typeof data.swagger === 'string'))
    return { ok: false, message: `${name}: not an OpenAPI document (no "openapi" or "swagger" field).` };
  return { ok: true, doc: data, name };
}

export function registerDiffSpecs(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'diff_specs',
    {
      title: 'Compare two OpenAPI documents',
      description:
        'Classify the changes between two OpenAPI documents as breaking or not for a client (removed operations, new required fields, changed types, removed enum values, …), grouped by provider and model. ' +
        'Each side is a file inside the project (e.g. a saved copy of an older specs/openapi.yaml) or inline text. Changes are paged: when "nextOffset" is not null, call again with offset=nextOffset.',
      inputSchema: diffSpecsInput,
      annotations: { ...READ_ONLY, title: 'Diff specs' },
    },
    (args) =>
      guarded(ctx, 'diff_specs', async () => {
        const a = await loadSide(ctx, { path: args.old, text: args.oldText, label: 'old' });
        if (!a.ok) return errorResult(a.message, [], ctx.budget);
        const b = await loadSide(ctx, { path: args.new, text: args.newText, label: 'new', fallback: 'specs/openapi.yaml' });
        if (!b.ok) return errorResult(b.message, [], ctx.budget);
        const { diffOpenApi } = await import('../../diff/index.js');
        const result = await diffOpenApi(a.doc, b.doc);
        const listed = args.breakingOnly ? result.changes.filter((c) => c.breaking) : result.changes;
        const { text } = fitListPage(listed, args.offset ?? 0, args.limit ?? 50, ctx.budget, (page) =>
          json({
            old: a.name,
            new: b.name,
            breaking: result.breaking,
            nonBreaking: result.nonBreaking,
            total: page.total,
            offset: page.offset,
            returned: page.items.length,
            nextOffset: page.nextOffset,
            ...(page.shrunk
              ? {
                  note: `This page holds ${page.items.length} changes so that it fits the ${ctx.budget}-character budget; call again with offset=${page.nextOffset} for more.`,
                }
              : {}),
            changes: page.items,
          }),
        );
        return textResult(text);
      }),
  );
}

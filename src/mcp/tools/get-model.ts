import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolContext } from '../context.js';
import type { LoadedSpec } from '../../project/catalog/hub-data.js';
import { buildModelCard, MODEL_SECTIONS, type ModelSection } from '../../project/catalog/model-card.js';
import { findModel } from '../../project/catalog/models.js';
import { errorResult } from '../result.js';
import { fitDocument } from './fit-document.js';
import { depthField, guarded, offsetField, READ_ONLY } from './shared.js';

export const DEFAULT_DEPTH = 3;

export const getModelInput = {
  id: z
    .string()
    .min(1)
    .describe(
      'The model id as search_models gives it: a FAL endpoint id such as "fal-ai/flux/dev", or a Comet model id such as "gpt-4o-mini". "provider:id" is accepted too.',
    ),
  provider: z.enum(['fal', 'comet']).optional().describe('The provider, only needed when two providers use the same id.'),
  section: z
    .enum(MODEL_SECTIONS)
    .optional()
    .describe(
      'What to include: "all" (default: metadata, price, operations, input and output schemas), "summary" (no schemas), "input" or "output" (metadata plus that one schema).',
    ),
  depth: depthField,
  offset: offsetField,
};

export function registerGetModel(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'get_model',
    {
      title: 'Describe a model',
      description:
        "Everything needed to call one model: metadata, price (with its source and date), the operations that serve it (FAL queue: submit, status, result, cancel; Comet: its family's and category's routes), how to call it, " +
        'and its input and output JSON Schemas with $refs inlined; refs left (deep or recursive) point into the answer\'s own "$defs". For a Comet model the default answer summarizes the fields; section "input" or "output" gives the full schema. ' +
        'An unknown id returns the nearest ids, names and families (e.g. "midjourney" -> mj_*). Every Comet model id: resource api-hub://models/comet. ' +
        'A result larger than the size budget comes in parts: call again with offset=<the offset named in the note>.',
      inputSchema: getModelInput,
      annotations: { ...READ_ONLY, title: 'Get model' },
    },
    (args) =>
      guarded(ctx, 'get_model', async () => {
        const index = await ctx.catalog.registry();
        const found = findModel(index, args.id, args.provider);
        if (!found.ok) return errorResult(`${found.message} Use search_models to find ids.`, found.suggestions, ctx.budget);
        const section: ModelSection = args.section ?? 'all';
        let spec: LoadedSpec | null = null;
        let specError: string | null = null;
        if (section !== 'summary' || found.model.operationIds.length > 0 || found.model.provider === 'comet') {
          try {
            spec = await ctx.catalog.spec();
          } catch (err) {
            specError = (err as Error).message;
          }
        }
        const depth = args.depth ?? DEFAULT_DEPTH;
        const m = found.model;
        return fitDocument(
          (d, note) => ({ ...buildModelCard(m, spec, specError, { section, maxDepth: d }), ...(note ? { budgetNote: note } : {}) }),
          section === 'summary' ? 0 : depth,
          ctx.budget,
          args.offset ?? 0,
          (next) =>
            `Call get_model again with the same id${args.section ? ', section' : ''}${args.depth !== undefined ? ', depth' : ''} and offset=${next} for the next part` +
            (section === 'all' ? ', or ask for section "input" or "output" alone.' : '.'),
        );
      }),
  );
}

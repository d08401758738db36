import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolContext } from '../context.js';
import { fitListPage } from '../budget.js';
import { facetCounts, searchModels, summarizeModel } from '../../project/catalog/models.js';
import { json, textResult } from '../result.js';
import { guarded, limitField, offsetField, READ_ONLY } from './shared.js';

export const searchModelsInput = {
  query: z
    .string()
    .optional()
    .describe(
      'Free text matched against the model id, display name, category and tags (a Comet model\'s tags include its family, e.g. "midjourney" for mj_*); every word must match (e.g. "flux dev", "kling", "veo video"). Leave out to list every model that passes the other filters.',
    ),
  provider: z.enum(['fal', 'comet']).optional().describe('Only models of this provider: "fal" (FAL queue models) or "comet" (Comet API models).'),
  category: z
    .string()
    .optional()
    .describe(
      'Only models of this category, exactly (case-insensitive): image-to-video, text-to-image, text-to-video, image-to-image, text-to-speech, … for both providers (FAL\'s names; Comet\'s chat models are "llm", its embedding models "embeddings").',
    ),
  status: z.string().optional().describe('Only models with this status: "active", "deprecated", or "unavailable" (listed by FAL without an OpenAPI document).'),
  limit: limitField(50, 500),
  offset: offsetField,
};

export function registerSearchModels(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'search_models',
    {
      title: 'Search the model registry',
      description:
        "Find models of every provider (FAL, Comet) in the hub's committed registry, offline: by free text, provider, category and status. " +
        'Each hit has its id (use it with get_model and estimate_cost), name, category, status and price where known ("withPrice" counts the matches that have one). ' +
        'Results are paged: when "nextOffset" is not null, call again with offset=nextOffset for the rest.',
      inputSchema: searchModelsInput,
      annotations: { ...READ_ONLY, title: 'Search models' },
    },
    (args) =>
      guarded(ctx, 'search_models', async () => {
        const index = await ctx.catalog.registry();
        const hits = searchModels(index, args);
        const withPrice = hits.filter((m) => m.pricing !== null).length;
        const { text } = fitListPage(hits, args.offset ?? 0, args.limit ?? 50, ctx.budget, (page) => {
          const body: Record<string, unknown> = {
            total: page.total,
            withPrice,
            offset: page.offset,
            returned: page.items.length,
            nextOffset: page.nextOffset,
            ...(page.shrunk
              ? {
                  note: `This page holds ${page.items.length} models so that it fits the ${ctx.budget}-character budget; call again with offset=${page.nextOffset} for more.`,
                }
              : {}),
            models: page.items.map(summarizeModel),
          };
          if (page.total === 0) {
            const pool = args.provider ? index.models.filter((m) => m.provider === args.provider) : index.models;
            body.hint = `No model matches. Categories${args.provider ? ` of ${args.provider}` : ''}: ${facetCounts(pool, 'category')
              .map(([c, n]) => `${c} (${n})`)
              .join(', ')}. Statuses: ${facetCounts(pool, 'status')
              .map(([c, n]) => `${c} (${n})`)
              .join(', ')}.`;
          } else if (page.offset >= page.total) {
            body.hint = `offset ${args.offset} is past the last of ${page.total} matches.`;
          }
          return json(body);
        });
        return textResult(text);
      }),
  );
}

import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolContext } from '../context.js';
import { estimateCost } from '../../project/catalog/estimate-cost.js';
import { errorResult, json, textResult } from '../result.js';
import { guarded, READ_ONLY } from './shared.js';

export const estimateCostInput = {
  endpointId: z
    .string()
    .min(1)
    .describe('The model to price: a FAL endpoint id such as "fal-ai/kling-video/v2/master/image-to-video" (or any registry model with a unit price).'),
  quantity: z
    .number()
    .positive()
    .describe(
      'How much: a number of the model\'s price units (e.g. 4 images, 10 seconds, 1 video; get_model shows the unit), or a number of calls when mode is "calls".',
    ),
  mode: z
    .enum(['units', 'calls'])
    .optional()
    .describe('"units" (default): quantity × the unit price. "calls": FAL\'s historical price per call, which only the live API knows (needs live=true).'),
  live: z
    .boolean()
    .optional()
    .describe(
      "Also ask FAL's pricing API (POST /v1/models/pricing/estimate). Needs FAL_API_KEY or FAL_KEY in the server's environment; the default (false) uses only the committed registry, offline.",
    ),
};

export function registerEstimateCost(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'estimate_cost',
    {
      title: 'Estimate a model cost',
      description:
        "What a quantity of a model would cost: the registry's unit price × quantity, offline, with the price's source and date (priceSource, priceAsOf). " +
        "A model without a price gets a message saying how to get one. With live=true it also asks FAL's pricing estimate API " +
        '(needs FAL_API_KEY or FAL_KEY; per-call "historical" estimates are live only). Unknown ids return the nearest ids.',
      inputSchema: estimateCostInput,
      // Offline by default; live=true reads FAL's pricing API, which changes nothing.
      annotations: { ...READ_ONLY, openWorldHint: true, title: 'Estimate cost' },
    },
    (args) =>
      guarded(ctx, 'estimate_cost', async () => {
        const index = await ctx.catalog.registry();
        const answer = await estimateCost(index, await ctx.env(), ctx.fetch, args);
        if (!answer.ok) return errorResult(answer.message, answer.suggestions, ctx.budget);
        return textResult(json({ estimates: answer.estimates, ...(answer.notes.length > 0 ? { notes: answer.notes } : {}) }));
      }),
  );
}

import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolContext } from '../context.js';
import { fitListPage } from '../budget.js';
import { describeOperation, findOperation, searchOperations } from '../../project/catalog/operations.js';
import { errorResult, json, textResult } from '../result.js';
import { fitDocument } from './fit-document.js';
import { DEFAULT_DEPTH } from './get-model.js';
import { depthField, guarded, limitField, offsetField, READ_ONLY } from './shared.js';

export const searchOperationsInput = {
  query: z
    .string()
    .optional()
    .describe(
      'Free text matched against operationId, path, summary, tags, Apidog folder and FAL endpoint id; every word must match (e.g. "chat completions", "flux dev submit", "midjourney").',
    ),
  provider: z.enum(['fal', 'comet']).optional().describe('Only operations of this provider.'),
  method: z.string().optional().describe('Only operations with this HTTP method: GET, POST, PUT, DELETE, PATCH… (any case).'),
  tag: z.string().optional().describe('Only operations with this tag, exactly (case-insensitive), e.g. "fal/image-to-video" or "Comet Chat".'),
  endpointId: z
    .string()
    .optional()
    .describe('Only the operations of this FAL endpoint id (its submit, status, result and cancel operations), e.g. "fal-ai/flux/dev".'),
  role: z.enum(['submit', 'status', 'result', 'cancel']).optional().describe('Only FAL queue operations with this role.'),
  limit: limitField(25, 200),
  offset: offsetField,
};

export const getOperationInput = {
  operationId: z
    .string()
    .min(1)
    .describe(
      'The operationId as search_operations gives it (e.g. "falAiFluxDevSubmit", "cometCreateChatCompletion"), or "METHOD /path" (e.g. "POST /v1/chat/completions").',
    ),
  depth: depthField,
  offset: offsetField,
};

export function registerOperationTools(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'search_operations',
    {
      title: 'Search the unified spec',
      description:
        "Find operations of the hub's unified OpenAPI 3.1 document (every FAL queue operation and every Comet endpoint) by free text, provider, method, tag, FAL endpoint id or queue role. " +
        'Each hit has the operationId to pass to get_operation. Results are paged: when "nextOffset" is not null, call again with offset=nextOffset.',
      inputSchema: searchOperationsInput,
      annotations: { ...READ_ONLY, title: 'Search operations' },
    },
    (args) =>
      guarded(ctx, 'search_operations', async () => {
        const spec = await ctx.catalog.spec();
        const hits = searchOperations(spec.index, args);
        const { text } = fitListPage(hits, args.offset ?? 0, args.limit ?? 25, ctx.budget, (page) =>
          json({
            total: page.total,
            offset: page.offset,
            returned: page.items.length,
            nextOffset: page.nextOffset,
            ...(page.shrunk
              ? {
                  note: `This page holds ${page.items.length} operations so that it fits the ${ctx.budget}-character budget; call again with offset=${page.nextOffset} for more.`,
                }
              : {}),
            ...(page.total === 0 ? { hint: 'No operation matches; try fewer words or fewer filters.' } : {}),
            operations: page.items.map((o) => ({
              operationId: o.operationId,
              method: o.method,
              path: o.path,
              summary: o.summary,
              provider: o.provider,
              ...(o.endpointId ? { endpointId: o.endpointId, role: o.role } : {}),
              tags: o.tags,
              ...(o.deprecated ? { deprecated: true } : {}),
            })),
          }),
        );
        return textResult(text);
      }),
  );

  server.registerTool(
    'get_operation',
    {
      title: 'Describe an operation',
      description:
        'One operation of the unified spec, self-contained: method, path, servers, parameters, request body and responses, with $refs inlined (deeper ones under "$defs"), and its provenance (x-hub-source). ' +
        'An unknown operationId returns the nearest ones. A result larger than the size budget comes in parts: call again with offset=<the offset named in the note>.',
      inputSchema: getOperationInput,
      annotations: { ...READ_ONLY, title: 'Get operation' },
    },
    (args) =>
      guarded(ctx, 'get_operation', async () => {
        const spec = await ctx.catalog.spec();
        const found = findOperation(spec.index, args.operationId);
        if (!found.ok) return errorResult(`${found.message} Use search_operations to find operationIds.`, found.suggestions, ctx.budget);
        const info = found.info;
        return fitDocument(
          (d, note) => ({ ...describeOperation(spec.document, info, d), ...(note ? { budgetNote: note } : {}) }),
          args.depth ?? DEFAULT_DEPTH,
          ctx.budget,
          args.offset ?? 0,
          (next) => `Call get_operation again with the same operationId${args.depth !== undefined ? ' and depth' : ''} and offset=${next} for the next part.`,
        );
      }),
  );
}

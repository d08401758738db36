import { readFile } from 'node:fs/promises';
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { McpError, ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import type { ToolContext } from './context.js';
import { buildModelCard } from '../project/catalog/model-card.js';
import { findModel } from '../project/catalog/models.js';
import { describePrice, type ModelEntry } from '../project/catalog/registry-read.js';
import { json } from './result.js';
import type { LoadedSpec } from '../project/catalog/hub-data.js';
import { DEFAULT_DEPTH } from './tools/get-model.js';

export const SPEC_URI = 'api-hub://spec/openapi.yaml';
export const OVERVIEW_URI = 'api-hub://spec/overview';
export const MODEL_URI_TEMPLATE = 'api-hub://models/{provider}/{+id}';

/** `api-hub://models/comet`: the list of one provider's model ids. */
export function modelListUri(provider: string): string {
  return `api-hub://models/${encodeURIComponent(provider)}`;
}

/** One provider's ids by category (categories by size, ids sorted), with how many have a price. */
export function modelIds(models: readonly ModelEntry[], provider: string): Record<string, unknown> {
  const mine = models.filter((m) => m.provider === provider);
  const byCategory = new Map<string, string[]>();
  for (const m of mine) {
    const c = m.category ?? '(none)';
    const list = byCategory.get(c);
    if (list) list.push(m.id);
    else byCategory.set(c, [m.id]);
  }
  const categories = [...byCategory].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return {
    provider,
    total: mine.length,
    withPrice: mine.filter((m) => m.pricing !== null).length,
    byCategory: Object.fromEntries(categories.map(([c, ids]) => [c, [...ids].sort()])),
    howToUse: 'get_model <id> describes one model (routes, fields, price); search_models finds models by text, category or provider.',
  };
}

export function modelUri(provider: string, id: string): string {
  return `api-hub://models/${encodeURIComponent(provider)}/${id.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * Resources: the unified spec (whole, as committed), an overview of it that
 * fits the budget, and one resource per model (a template over the registry)
 * holding the same self-contained description get_model gives.
 */
export function registerResources(server: McpServer, ctx: ToolContext): void {
  registerSpec(server, ctx);
  registerOverview(server, ctx);
  registerModelIds(server, ctx);
  registerModel(server, ctx);
}

/** `api-hub://spec/openapi.yaml`: the unified document as committed. */
function registerSpec(server: McpServer, ctx: ToolContext): void {
  server.registerResource(
    'unified-spec',
    SPEC_URI,
    {
      title: 'Unified OpenAPI 3.1 spec',
      description:
        'specs/openapi.yaml: every FAL and Comet operation in one OpenAPI 3.1 document, as committed. It is large (about 5 MB); to look things up, prefer the search_operations and get_operation tools, or the overview resource.',
      mimeType: 'application/yaml',
    },
    async (uri): Promise<ReadResourceResult> => {
      const file = await ctx.catalog.specFile().catch((err: Error) => {
        throw new McpError(ErrorCode.InvalidParams, err.message);
      });
      const text = await readFile(file.path, 'utf8');
      return { contents: [{ uri: uri.href, mimeType: file.path.endsWith('.json') ? 'application/json' : 'application/yaml', text }] };
    },
  );
}

/** `api-hub://spec/overview`: a short map of the unified document. */
function registerOverview(server: McpServer, ctx: ToolContext): void {
  server.registerResource(
    'spec-overview',
    OVERVIEW_URI,
    {
      title: 'Unified spec overview',
      description: 'A short map of the unified spec: title, version, servers, security schemes, and operation counts per provider and tag.',
      mimeType: 'application/json',
    },
    async (uri): Promise<ReadResourceResult> => {
      const spec = await loadSpec(ctx);
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: json(overview(spec)) }] };
    },
  );
}

/** The id lists: how an assistant finds every Comet model without any schema carrying them. */
function registerModelIds(server: McpServer, ctx: ToolContext): void {
  for (const provider of ['comet', 'fal'] as const) {
    server.registerResource(
      `${provider}-model-ids`,
      modelListUri(provider),
      {
        title: `${provider === 'comet' ? 'Comet' : 'FAL'} model ids`,
        description: `Every ${provider === 'comet' ? 'Comet' : 'FAL'} model id in the registry, grouped by category (FAL's category names; Comet chat models are "llm"). Use an id with get_model or estimate_cost; search_models filters and ranks them.`,
        mimeType: 'application/json',
      },
      async (uri): Promise<ReadResourceResult> => {
        const index = await ctx.catalog.registry();
        return { contents: [{ uri: uri.href, mimeType: 'application/json', text: json(modelIds(index.models, provider)) }] };
      },
    );
  }
}

/** `api-hub://models/{provider}/{+id}`: one model's card, listed and completed from the registry. */
function registerModel(server: McpServer, ctx: ToolContext): void {
  server.registerResource(
    'model',
    modelTemplate(ctx),
    {
      title: 'Model',
      description: 'One model of the registry: metadata, price, operations, and its input and output schemas (self-contained), like the get_model tool.',
      mimeType: 'application/json',
    },
    async (uri, variables): Promise<ReadResourceResult> => {
      const one = (v: string | string[] | undefined): string => decodeURIComponent(Array.isArray(v) ? v.join(',') : (v ?? ''));
      const provider = one(variables.provider);
      const id = one(variables.id);
      const index = await ctx.catalog.registry();
      const found = findModel(index, id, provider);
      if (!found.ok) {
        throw new McpError(ErrorCode.InvalidParams, `${found.message}${found.suggestions.length > 0 ? ` Nearest: ${found.suggestions.join(', ')}` : ''}`);
      }
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: await modelCardText(ctx, found.model) }] };
    },
  );
}

/** The model template: every registry model listed; provider and id completed. */
function modelTemplate(ctx: ToolContext): ResourceTemplate {
  return new ResourceTemplate(MODEL_URI_TEMPLATE, {
    list: async () => {
      const index = await ctx.catalog.registry();
      return {
        resources: index.models.map((m) => ({
          uri: modelUri(m.provider, m.id),
          name: `${m.provider}:${m.id}`,
          title: m.displayName,
          description: [m.category ?? 'uncategorized', m.status, describePrice(m.pricing) ?? 'price not known'].join(' · '),
          mimeType: 'application/json',
        })),
      };
    },
    complete: {
      provider: () => ['comet', 'fal'],
      id: async (value, context) => {
        const index = await ctx.catalog.registry();
        const provider = context?.arguments?.provider;
        const v = value.toLowerCase();
        return index.models
          .filter((m) => (!provider || m.provider === provider) && m.id.toLowerCase().startsWith(v))
          .slice(0, 100)
          .map((m) => m.id);
      },
    },
  });
}

/**
 * A model's card as JSON within the budget. A resource cannot be paged: shrink the inline depth,
 * and as a last resort leave the schemas out and say so.
 */
async function modelCardText(ctx: ToolContext, model: ModelEntry): Promise<string> {
  let spec: LoadedSpec | null = null;
  let specError: string | null = null;
  try {
    spec = await ctx.catalog.spec();
  } catch (err) {
    specError = (err as Error).message;
  }
  let text = '';
  for (let d = DEFAULT_DEPTH; d >= 0; d--) {
    text = json({
      ...buildModelCard(model, spec, specError, { section: 'all', maxDepth: d }),
      ...(d < DEFAULT_DEPTH ? { budgetNote: `Schemas inlined to depth ${d} to fit the ${ctx.budget}-character budget.` } : {}),
    });
    if (text.length <= ctx.budget) break;
  }
  if (text.length > ctx.budget) {
    text = json({
      ...buildModelCard(model, spec, specError, { section: 'summary', maxDepth: 0 }),
      budgetNote: `The input and output schemas of this model are larger than the ${ctx.budget}-character budget, so they are left out here; the get_model tool pages through them (section "input" or "output", with offset).`,
    });
  }
  return text;
}

async function loadSpec(ctx: ToolContext): Promise<LoadedSpec> {
  try {
    return await ctx.catalog.spec();
  } catch (err) {
    throw new McpError(ErrorCode.InvalidParams, (err as Error).message);
  }
}

function overview(spec: LoadedSpec): Record<string, unknown> {
  const doc = spec.document as Record<string, unknown>;
  const info = (doc.info ?? {}) as Record<string, unknown>;
  const ops = spec.index.operations;
  const byTag = new Map<string, number>();
  for (const o of ops) for (const t of o.tags) byTag.set(t, (byTag.get(t) ?? 0) + 1);
  const providers = new Map<string, number>();
  for (const o of ops) providers.set(o.provider ?? '(none)', (providers.get(o.provider ?? '(none)') ?? 0) + 1);
  const components = doc.components as Record<string, unknown> | undefined;
  const schemes =
    components && typeof components.securitySchemes === 'object' && components.securitySchemes !== null ? Object.keys(components.securitySchemes) : [];
  const schemas = components && typeof components.schemas === 'object' && components.schemas !== null ? Object.keys(components.schemas).length : 0;
  return {
    file: spec.file,
    openapi: doc.openapi,
    title: info.title,
    version: info.version,
    servers: Array.isArray(doc.servers) ? doc.servers : [],
    securitySchemes: schemes,
    operations: ops.length,
    schemas,
    operationsByProvider: Object.fromEntries([...providers].sort()),
    operationsByTag: Object.fromEntries([...byTag].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))),
    falEndpoints: spec.index.byEndpoint.size,
    howToUse: 'search_operations finds operations; get_operation describes one; search_models and get_model work by model id.',
  };
}

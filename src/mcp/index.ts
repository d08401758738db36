/** The hub's MCP server (stdio or any transport) and the catalog queries it is built on. */
export { createServer, TOOL_NAMES, PUSH_TOOL, SERVER_NAME, SERVER_VERSION, type HubServerOptions } from './server.js';
export { serveStdio, type StdioHandle } from './stdio.js';
export { HubCatalog, type CatalogSource, type LoadedSpec, type RegistryIndex } from '../project/catalog/hub-data.js';
export { searchModels, findModel, summarizeModel, facetCounts, type ModelFilter, type ModelSummary } from '../project/catalog/models.js';
export { describePrice, formatAmount, type ModelEntry, type ModelPrice } from '../project/catalog/registry-read.js';
export { estimateCost, type EstimateAnswer, type EstimateArgs } from '../project/catalog/estimate-cost.js';
export type { CostEstimate, EstimateMode } from '../project/catalog/estimate.js';
export { DEFAULT_BUDGET } from './budget.js';
export type { PushFn, PushRequest } from './context.js';

/**
 * BananaStudio API Hub as a library: the project layer (src/project/) and each
 * stage's entry points. Every stage is a function over data; reading and
 * writing the project's files is the project layer's job. Heavy dependencies
 * (openapi-typescript, ajv's compiled schemas, the HTTP stack) load on first use.
 *
 * ```ts
 * import { loadConfig, runBuild, validateInProject } from 'bananastudio-api-hub';
 * const config = await loadConfig(process.cwd());
 * const build = await runBuild(config.files.root);
 * const result = await validateInProject(config, ['specs/openapi.yaml']);
 * ```
 */
export * from './project/index.js';

// One diagnostic type for every stage, and the error the CLI maps to exit codes.
export type { Diagnostic, Severity } from './core/diagnostic.js';
export { HubError, ExitCode } from './core/errors.js';

// fetch: provider catalogs -> snapshots.
export { runLiveFetch, type LiveFetchOptions } from './fetch/run.js';
export { importFromFiles } from './fetch/import-files.js';
export type { FetchRunResult, ProviderResult } from './fetch/finish.js';

// normalize (the build): provider documents -> one OAS 3.1 document.
export { buildUnified, type BuildInput, type BuildOptions, type BuildOutput, type BuildReport } from './normalize/build.js';
export { createBuildConfig, type HubBuildConfig, type ProviderConfig } from './normalize/config.js';

// registry: one entry per model, derived from the snapshots.
export { buildRegistry, serializeRegistry, type ModelRegistry, type RegistryEntry, type Snapshots } from './registry/registry.js';

// validate: any OpenAPI 2.0-3.2 document.
export { validateFiles, validateDocument, formatStylish, formatJson, formatSarif, formatGithub, formatJunit, rules } from './validate/index.js';
export type { Problem, ValidateResult, ValidateConfig, FileReader } from './validate/index.js';

// generate: openapi-typescript types and the typed client.
export { generate, type GenerateOptions, type GenerateResult } from './generate/index.js';

// diff: breaking and non-breaking changes.
export { diffDocuments, formatDiffText, formatDiffMarkdown, formatDiffJson, type Change, type DiffResult } from './diff/index.js';

// push: Apidog import and export.
export { pushToApidog, pullFromApidog, type PushInput, type PushOutcome } from './push/index.js';
export { createPushConfig, type PushConfig } from './push/config.js';

// usage: spend per model and day (FAL usage API, Comet quota) and its anomalies.
export { runUsage, buildUsageReport, detectAnomalies, type UsageReport, type UsageAnomaly, type SpendRecord } from './usage/index.js';

// mcp: the MCP server over the registry and the spec.
export { createServer, serveStdio, type HubServerOptions } from './mcp/index.js';

/**
 * The project on disk: its one configuration, its snapshots and registry, the
 * model catalog, the validation setup every face shares, and the build and
 * generate runs. The faces (src/cli, src/mcp, the hook through the CLI) call
 * this layer; the stages below it never do.
 */
export { loadConfig, createConfig, loadPushConfig, configErrors, type ProjectConfig, type ConfigProblems, type LoadOptions } from './config.js';
export { findConfigFiles, HUB_CONFIG_FILE_NAMES, LINT_CONFIG_FILE_NAMES, IGNORE_FILE_NAME, type ConfigFiles } from './config-files.js';
export { validateInProject, specValidator, type ProjectValidateOptions } from './validation.js';
export { runBuild, type RunBuildResult } from './build-run.js';
export { runGenerate, type GenerateRunResult } from './generate-run.js';
export { loadSnapshots, writeRegistry, refreshRegistry } from './snapshots.js';
export { HubCatalog, type CatalogSource, type LoadedSpec, type RegistryIndex } from './catalog/hub-data.js';
export { searchModels, findModel, summarizeModel, facetCounts, type ModelFilter, type ModelSummary } from './catalog/models.js';
export { describePrice, type ModelEntry, type ModelPrice } from './catalog/registry-read.js';
export { estimateCost, type EstimateAnswer, type EstimateArgs } from './catalog/estimate-cost.js';

/** The generate stage: openapi-typescript types and a typed client from the unified document. */
export { generate, GENERATED_FILES } from './generate.js';
export type { GenerateOptions, GenerateResult, GeneratedFile } from './generate.js';
export { findStaleFiles } from './check.js';
export type { StaleFile } from './check.js';
export { collectOperations } from './operations.js';
export type { FalEndpoint, FalRole, Inventory, OperationRef } from './operations.js';
export { COMET_SHORTCUTS, cometFeatures } from './comet-shortcuts.js';
export type { CometFeatures, CometShortcut, SseShortcut, TaskPolling } from './comet-shortcuts.js';
export { COMET_BASE_URL, FAL_BASE_URL, RUNTIME_DEFAULTS } from './runtime/defaults.js';
export { RUNTIME_SOURCES } from './runtime-files.js';

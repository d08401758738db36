/** `api-hub.config.yaml`: find, load, or create from an object (tests). */
export { CONFIG_FILE_NAME, CONFIG_FILE_NAMES, DEFAULT_PUSH_CONFIG, OVERWRITE_BEHAVIORS, createConfig } from './config.js';
export type { ApidogImportOptions, ConfigResult, HubConfig, OverwriteBehavior, PushConfig } from './config.js';
export { findConfig, loadConfig, loadProjectConfig } from './load.js';

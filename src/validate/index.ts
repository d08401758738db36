/** `api-hub validate` as a library: structure (official schemas), `$ref`s and semantic rules of OpenAPI 2.0–3.2. */
export { validateFiles, type ValidateFilesOptions } from './validate-files.js';
export { validateDocument, type ValidateDocumentOptions } from './validate-document.js';
export { formatStylish, type StylishOptions } from './format/stylish.js';
export { formatJson } from './format/json.js';
export { formatSarif, type SarifRule } from './format/sarif.js';
export { formatGithub } from './format/github.js';
export { formatJunit } from './format/junit.js';
export { summaryLine } from './format/summary.js';
export { nodeFileReader, type FileReader } from './io.js';
export { rules } from './rules/index.js';
export type { Rule } from './rules/rule.js';
export { createConfig, findConfig, loadConfig, loadConfigText, defaultConfig, type ConfigResult } from './config/load-config.js';
export type { ValidateConfig, RuleSetting } from './config/config.js';
export { IGNORE_FILE_NAME } from './config/config.js';
export { parseIgnoreFile, formatIgnoreFile, type IgnoreList } from './ignore/ignore-file.js';
export type { OasVersion, Problem, ValidateOptions, ValidateResult } from './types.js';

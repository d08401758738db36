/** `api-hub validate` as a library: structure (official schemas) and `$ref`s of OpenAPI 2.0–3.2. */
export { validateFiles, type ValidateFilesOptions } from './validate-files.js';
export { validateDocument, type ValidateDocumentOptions } from './validate-document.js';
export { formatStylish } from './format/stylish.js';
export { formatJson } from './format/json.js';
export { nodeFileReader, type FileReader } from './io.js';
export { rules } from './rules/index.js';
export type { OasVersion, ValidateOptions, ValidateResult } from './types.js';

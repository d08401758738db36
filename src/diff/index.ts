export { diffDocuments } from './diff.js';
export { diffSchemas } from './schema-diff.js';
export { formatDiffText, formatDiffMarkdown, formatDiffJson } from './format.js';
export type { Change, ChangeKind, DiffResult } from './types.js';

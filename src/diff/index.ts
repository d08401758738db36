export { diffDocuments, reachText } from './diff.js';
export { diffOpenApi, isOpenApi, prepareForDiff } from './prepare.js';
export { diffSchemas } from './schema-diff.js';
export { changeLine, formatDiffText, formatDiffMarkdown, formatDiffJson, formatDiffGithub, type Locate } from './format.js';
export { impactOf, type Impact } from './impact.js';
export type { Change, ChangeKind, DiffResult, Direction } from './types.js';
